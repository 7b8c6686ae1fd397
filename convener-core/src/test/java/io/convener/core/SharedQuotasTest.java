package io.convener.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.RateLimitedException;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §5: two Convener nodes on one store with shared quotas ({@link
 * RateLimits#withSharedStore()}): a tenant's quota holds across both (within 10%), and a tenant's
 * own quota holds across both too. On an SQLite file, and on a fresh PostgreSQL schema when {@code
 * CONVENER_PG_URL} is set (skipped otherwise).
 */
class SharedQuotasTest {
  static final int QUOTA = 20;
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;
  final List<Convener> nodes = new ArrayList<>();
  @org.jspecify.annotations.Nullable String schema;
  @org.jspecify.annotations.Nullable JdbcSettings database;

  @AfterEach
  void close() throws SQLException {
    nodes.forEach(Convener::close);
    if (schema != null && database != null) {
      execute(database, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  JdbcSettings database(String kind) throws SQLException {
    if (kind.equals("sqlite")) {
      return JdbcSettings.sqlite(dir.resolve("convener.db"));
    }
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "CONVENER_PG_URL is not set: skipping the PostgreSQL run");
    JdbcSettings server = new JdbcSettings(url, Optional.ofNullable(System.getenv("CONVENER_PG_USER")).orElse(""),
        Optional.ofNullable(System.getenv("CONVENER_PG_PASSWORD")));
    schema = "convener_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, "CREATE SCHEMA " + schema);
    database = new JdbcSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, server.user(),
        server.password());
    return database;
  }

  static void execute(JdbcSettings settings, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null))) {
      c.createStatement().execute(sql);
    }
  }

  void start(String kind, RateLimits limits) throws SQLException {
    JdbcSettings store = database(kind);
    ConvenerSettings settings = ConvenerSettings.defaults().withRateLimits(limits);
    for (int i = 0; i < 2; i++) {
      nodes.add(Conveners.builder().database(store).settings(settings).keyDirectory(dir.resolve("keys")).build());
    }
  }

  /** How many of {@code n} provenance queries, alternating between the nodes, were let through. */
  int accepted(TenantId tenant, int n) {
    Principal auditor = Principal.of(tenant, "audrey", Role.COMPLIANCE_OFFICER);
    int ok = 0;
    for (int i = 0; i < n; i++) {
      try {
        nodes.get(i % 2).provenance().query(auditor, ProvenanceQuery.builder().limit(1).build());
        ok++;
      } catch (RateLimitedException e) {
        assertThat(e.retryAfter()).isPositive();
      }
    }
    return ok;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aTenantsQuotaHoldsAcrossBothNodes(String kind) throws SQLException {
    start(kind, RateLimits.defaults().withSubjectShare(1)
        .with("provenance.query", new RateLimits.Quota(QUOTA, Duration.ofMinutes(1)))
        .with(GLOBEX, "provenance", new RateLimits.Quota(5, Duration.ofMinutes(1)))
        .withSharedStore());

    int acme = accepted(ACME, 3 * QUOTA);
    assertThat(acme).as("in memory each node would let %d through", QUOTA).isBetween(QUOTA, QUOTA + QUOTA / 10);
    assertThat(accepted(GLOBEX, 30)).as("globex's own quota, over both nodes").isBetween(5, 6);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anUnmeteredSubjectsBulkWorkPassesTheQuotaAndIsStillLogged(String kind) throws SQLException {
    start(kind, RateLimits.defaults().withSubjectShare(1)
        .with("provenance.query", new RateLimits.Quota(QUOTA, Duration.ofMinutes(1)))
        .withUnmeteredSubject("bulk-sync")
        .withSharedStore());
    Principal sync = Principal.of(ACME, "bulk-sync", Role.COMPLIANCE_OFFICER);
    for (int i = 0; i < 3 * QUOTA; i++) {
      nodes.get(i % 2).provenance().query(sync, ProvenanceQuery.builder().limit(1).build());
    }
    assertThat(accepted(ACME, 3 * QUOTA)).as("the other subjects still share the tenant's quota")
        .isBetween(QUOTA, QUOTA + QUOTA / 10);
    long logged = nodes.get(0).provenance().query(Principal.of(ACME, "bulk-sync", Role.COMPLIANCE_OFFICER),
        ProvenanceQuery.builder().agent("bulk-sync").activity("provenance.query").limit(1000).build()).entries().size();
    assertThat(logged).as("every bulk call left its entry").isGreaterThanOrEqualTo(3 * QUOTA);
  }
}
