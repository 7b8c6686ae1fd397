package io.convener.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases every JDBC test runs on: the matrix over which the storage contract and the
 * migration tests are generated. Each constant makes settings for a new, empty database.
 */
public enum TestDatabase {
  /** A named in-memory H2 database. */
  H2_MEMORY {
    @Override
    public JdbcSettings settings(Path dir) {
      return JdbcSettings.inMemoryH2("test-" + UUID.randomUUID());
    }
  },
  /** An H2 file database in a temporary directory. */
  H2_FILE {
    @Override
    public JdbcSettings settings(Path dir) {
      return JdbcSettings.h2File(dir.resolve("convener"));
    }
  },
  /** An SQLite file database in a temporary directory. */
  SQLITE_FILE {
    @Override
    public JdbcSettings settings(Path dir) {
      return JdbcSettings.sqlite(dir.resolve("convener.db"));
    }
  },
  /**
   * A new schema in the PostgreSQL database named by the environment variable {@value #PG_URL}
   * (with {@code CONVENER_PG_USER} and {@code CONVENER_PG_PASSWORD}); tests on it are skipped when
   * the variable is not set.
   */
  POSTGRESQL {
    @Override
    public JdbcSettings settings(Path dir) {
      String url = System.getenv(PG_URL);
      assumeTrue(url != null && !url.isBlank(),
          PG_URL + " is not set: skipping PostgreSQL tests (set it to jdbc:postgresql://HOST[:PORT]/DATABASE,"
              + " with CONVENER_PG_USER and CONVENER_PG_PASSWORD)");
      String schema = "convener_test_" + UUID.randomUUID().toString().replace("-", "");
      JdbcSettings server = new JdbcSettings(url, env("CONVENER_PG_USER").orElse(""), env("CONVENER_PG_PASSWORD"));
      execute(server, "CREATE SCHEMA " + schema);
      String separator = url.contains("?") ? "&" : "?";
      return new JdbcSettings(url + separator + "currentSchema=" + schema, server.user(), server.password());
    }

    @Override
    public void dispose(JdbcSettings settings) {
      String url = settings.url();
      String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
      execute(settings, "DROP SCHEMA " + schema + " CASCADE");
    }
  };

  /** The environment variable naming the PostgreSQL server for tests. */
  public static final String PG_URL = "CONVENER_PG_URL";

  /** Settings for a new, empty database; {@code dir} is a fresh temporary directory. */
  public abstract JdbcSettings settings(Path dir);

  /** Removes what {@link #settings} created outside {@code dir}. */
  public void dispose(JdbcSettings settings) {}

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
  }

  private static void execute(JdbcSettings settings, String sql) {
    try (Connection c = DriverManager.getConnection(
            settings.url(), settings.user(), settings.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on the test database", e);
    }
  }
}
