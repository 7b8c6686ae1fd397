package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PostgreSQL-only migrations (V20, the events table's partitions) run on PostgreSQL and
 * nowhere else: an H2 or SQLite store has no row for their versions, and reopens, validated by
 * Flyway, with the gap in its history.
 */
class PostgresOnlyMigrationsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Event EVENT =
      Event.builder(EventId.of("e-1"), Instant.parse("2024-01-01T00:00:00Z"), EventKind.MESSAGE, MemberId.of("m")).build();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_FILE", "SQLITE_FILE"})
  void anEmbeddedStoreSkipsThePostgresqlVersionsAndReopens(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      stores.events().insert(ACME, List.of(EVENT));
    }
    List<String> versions = versions(settings);
    assertThat(versions).doesNotContain("20").contains("15");
    assertThat(JdbiStorageLifecycle.locations(Dialect.fromUrl(settings.url())))
        .containsExactly(JdbiStorageLifecycle.MIGRATIONS);

    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      assertThat(stores.events().find(ACME, EVENT.id())).contains(EVENT);
    }
    assertThat(versions(settings)).isEqualTo(versions);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
  void aPostgresqlStoreRunsThemInVersionOrder(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try {
      try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
        stores.lifecycle().start();
        stores.events().insert(ACME, List.of(EVENT));
      }
      List<String> versions = versions(settings);
      assertThat(versions).contains("15", "20");
      assertThat(versions.indexOf("20")).isGreaterThan(versions.indexOf("15"));
      assertThat(versions.stream().map(Integer::parseInt).toList()).isSorted();
    } finally {
      db.dispose(settings);
    }
  }

  /** The versions of Convener's schema history, in the order they were applied. */
  private static List<String> versions(JdbcSettings settings) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + JdbiStorageLifecycle.HISTORY_TABLE
            + "\" WHERE \"version\" IS NOT NULL AND \"success\" ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
