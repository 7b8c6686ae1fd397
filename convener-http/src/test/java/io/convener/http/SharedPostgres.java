package io.convener.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.convener.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL database named by {@code CONVENER_PG_URL} (with {@code
 * CONVENER_PG_USER} and {@code CONVENER_PG_PASSWORD}), for tests of several nodes on one store;
 * a test using it is skipped, and says so, when the variable is not set.
 */
final class SharedPostgres implements AutoCloseable {
  final JdbcSettings settings;
  private final String schema;

  SharedPostgres() {
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "CONVENER_PG_URL is not set: skipping the PostgreSQL multi-node test");
    JdbcSettings server = new JdbcSettings(url, env("CONVENER_PG_USER").orElse(""), env("CONVENER_PG_PASSWORD"));
    schema = "convener_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, "CREATE SCHEMA " + schema);
    String separator = url.contains("?") ? "&" : "?";
    settings = new JdbcSettings(url + separator + "currentSchema=" + schema, server.user(), server.password());
  }

  @Override
  public void close() {
    execute(settings, "DROP SCHEMA " + schema + " CASCADE");
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
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
