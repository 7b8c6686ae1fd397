package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.convener.api.TenantId;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import io.convener.spi.storage.StoragePlace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The host's own pool ({@link HostPool}): the store migrates through it and leaves it open; Flyway
 * logs through SLF4J; a missing driver is named by its artifact.
 */
class HostPoolTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Test
  void theStoreMigratesThroughTheHostsPoolAndLeavesItOpenOnClose() throws Exception {
    try (HikariDataSource pool = h2Pool()) {
      JdbcSettings described = JdbcSettings.describing(pool);
      assertThat(described.dialect()).isEqualTo(Dialect.H2);
      assertThat(described.place()).isEqualTo(StoragePlace.memory());
      Database database = new Database(described);
      JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database, new HostPool(pool));
      lifecycle.start();
      database.register(ACME);
      lifecycle.close();

      assertThat(pool.isClosed()).as("the host's pool after the store closed").isFalse();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT tenant_id FROM tenants")) {
        assertThat(rs.next()).as("the tenant written through the host's pool").isTrue();
        assertThat(rs.getString(1)).isEqualTo("acme");
      }
    }
  }

  @Test
  void flywayLogsThroughSlf4jWhateverBindingTheHostHas() {
    try (HikariDataSource pool = h2Pool()) {
      assertThat(JdbiStorageLifecycle.flyway(pool, Dialect.H2).getLoggers())
          .as("Flyway's loggers: its own detection falls back to java.util.logging without an SLF4J binding")
          .containsExactly("slf4j");
    }
  }

  @Test
  void aMissingDriverIsNamedByTheArtifactToAdd() {
    assertThatThrownBy(() -> Drivers.need("org.example.NoSuchDriver", "org.example:no-such-driver", Dialect.SQLITE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a SQLITE store needs org.example:no-such-driver on the class path: convener-jdbc leaves it to"
            + " the host (see docs/storage.md)");
    Drivers.require(Dialect.SQLITE);
    Drivers.require(Dialect.POSTGRESQL);
  }

  private static HikariDataSource h2Pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:host-pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }
}
