package io.convener.core.scale;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convener.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A store several nodes of one test open: an SQLite file in a temporary directory, or a fresh
 * schema of the PostgreSQL named by {@code CONVENER_PG_URL}, {@code CONVENER_PG_USER} and {@code
 * CONVENER_PG_PASSWORD} (the test is skipped, saying so, when they are absent), dropped on close.
 */
final class SharedStore implements AutoCloseable {
  private @Nullable JdbcSettings settings;
  private @Nullable String schema;

  /** The store of {@code kind} ("sqlite" or "postgresql"), made on the first call. */
  JdbcSettings open(String kind, Path dir) {
    if (settings != null) {
      return settings;
    }
    if (kind.equals("sqlite")) {
      settings = JdbcSettings.of("jdbc:sqlite:" + dir.resolve("shared.db"));
      return settings;
    }
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "skipped: CONVENER_PG_URL is not set, no PostgreSQL to run on");
    String user = System.getenv().getOrDefault("CONVENER_PG_USER", "");
    String password = System.getenv().getOrDefault("CONVENER_PG_PASSWORD", "");
    schema = "cross_node_" + UUID.randomUUID().toString().replace("-", "");
    execute(url, user, password, "CREATE SCHEMA " + schema);
    settings = new JdbcSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
        java.util.Optional.of(password));
    return settings;
  }

  @Override
  public void close() {
    if (schema != null) {
      execute(System.getenv("CONVENER_PG_URL"), System.getenv().getOrDefault("CONVENER_PG_USER", ""),
          System.getenv().getOrDefault("CONVENER_PG_PASSWORD", ""), "DROP SCHEMA " + schema + " CASCADE");
      schema = null;
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on the test PostgreSQL", e);
    }
  }
}
