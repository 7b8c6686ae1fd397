package io.convener.core.notify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL database named by {@code CONVENER_PG_URL} (with {@code
 * CONVENER_PG_USER} and {@code CONVENER_PG_PASSWORD}), as convener-jdbc's TestDatabase makes them;
 * a test that opens one is skipped when the variable is not set. {@link #url()} carries the schema
 * and the credentials, so that several nodes and a child JVM open the same schema.
 */
final class PgSchema implements AutoCloseable {
  private final String server;
  private final String user;
  private final String password;
  private final String schema = "convener_test_" + UUID.randomUUID().toString().replace("-", "");

  private PgSchema(String server, String user, String password) {
    this.server = server;
    this.user = user;
    this.password = password;
  }

  /** Creates the schema, or skips the test when no PostgreSQL server is configured. */
  static PgSchema create() {
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "CONVENER_PG_URL is not set: skipping the PostgreSQL multi-node test");
    PgSchema s = new PgSchema(url, env("CONVENER_PG_USER"), env("CONVENER_PG_PASSWORD"));
    s.execute("CREATE SCHEMA " + s.schema);
    return s;
  }

  /** A JDBC URL of the schema, credentials included. */
  String url() {
    StringBuilder url = new StringBuilder(server).append(server.contains("?") ? '&' : '?')
        .append("currentSchema=").append(schema);
    if (!user.isEmpty()) {
      url.append("&user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
    }
    if (!password.isEmpty()) {
      url.append("&password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  /** Runs a statement on the server (outside the schema's pools). */
  void execute(String sql) {
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on the test database", e);
    }
  }

  @Override
  public void close() {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
