package io.convener.core.backup;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases backups are tested on, each a new empty store. PostgreSQL uses a fresh schema in
 * the database of {@code CONVENER_PG_URL} (as convener-jdbc's TestDatabase does) and is skipped,
 * with a reason, when the variable is not set.
 */
enum BackupStore {
  H2_FILE,
  SQLITE,
  POSTGRESQL;

  /** A new empty store; {@code dir} is a fresh directory. */
  JdbcSettings settings(Path dir) {
    return switch (this) {
      case H2_FILE -> JdbcSettings.h2File(dir.resolve("h2").resolve("convener"));
      case SQLITE -> JdbcSettings.sqlite(dir.resolve("convener.db"));
      case POSTGRESQL -> postgres();
    };
  }

  /** Drops what {@link #settings} made outside {@code dir}. */
  void dispose(JdbcSettings settings) {
    if (this == POSTGRESQL) {
      String url = settings.url();
      execute(server(), "DROP SCHEMA " + url.substring(url.indexOf("currentSchema=") + "currentSchema=".length()) + " CASCADE");
    }
  }

  private static JdbcSettings postgres() {
    JdbcSettings server = server();
    String schema = "convener_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, "CREATE SCHEMA " + schema);
    String url = server.url();
    return new JdbcSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, server.user(),
        server.password());
  }

  private static JdbcSettings server() {
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "CONVENER_PG_URL is not set: skipping the PostgreSQL backup tests");
    return new JdbcSettings(url, Optional.ofNullable(System.getenv("CONVENER_PG_USER")).orElse(""),
        Optional.ofNullable(System.getenv("CONVENER_PG_PASSWORD")));
  }

  private static void execute(JdbcSettings settings, String sql) {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on the test database", e);
    }
  }
}
