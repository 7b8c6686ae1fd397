package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the JDBC store keeps its data: a JDBC URL and the credentials to open it. Immutable and
 * thread-safe; {@link #toString()} never shows the password.
 *
 * <p>Supported URLs: {@code jdbc:h2:file:PATH} and {@code jdbc:h2:mem:NAME} (embedded H2 2.x),
 * {@code jdbc:sqlite:FILE} and {@code jdbc:postgresql://HOST[:PORT]/DATABASE}. In-memory SQLite
 * and anonymous in-memory H2 databases are rejected: each connection would see its own empty
 * database.
 *
 * @param url the JDBC URL; validated by {@link Dialect#fromUrl}
 * @param user the user name, or empty to let the driver decide (embedded databases, or a user
 *     given in the URL)
 * @param password the password, if the database needs one
 */
public record JdbcSettings(String url, String user, Optional<String> password) {
  /** The default database: an embedded H2 file under {@code ./convener-data/}. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./convener-data/convener";

  /**
   * Validates the URL.
   *
   * @throws IllegalArgumentException when the URL is not one of the supported ones; the message
   *     lists them
   * @throws NullPointerException when a component is null
   */
  public JdbcSettings {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    Dialect.fromUrl(url);
  }

  /** Settings for a URL that needs no credentials, or carries them itself. */
  public static JdbcSettings of(String url) {
    return new JdbcSettings(url, "", Optional.empty());
  }

  /**
   * The default: an embedded H2 file database at {@value #DEFAULT_URL}, relative to the working
   * directory. Creates the {@code convener-data} directory if it is missing.
   *
   * @throws StorageException when the directory cannot be created
   */
  public static JdbcSettings defaults() {
    Path dir = Path.of("convener-data");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("could not create the data directory " + dir.toAbsolutePath(), e);
    }
    return of(DEFAULT_URL);
  }

  /**
   * A named in-memory H2 database, for tests: it lives while the store is open and vanishes when
   * the store is closed. Stores opened with the same name in one JVM at the same time share it.
   *
   * @param name letters, digits, {@code _} and {@code -}
   */
  public static JdbcSettings inMemoryH2(String name) {
    requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("in-memory database name must be letters, digits, _ or -: '" + name + "'");
    }
    return of("jdbc:h2:mem:" + name);
  }

  /** An embedded H2 database in files next to {@code path} (H2 adds the {@code .mv.db} suffix). */
  public static JdbcSettings h2File(Path path) {
    return of("jdbc:h2:file:" + requireNonNull(path, "path").toAbsolutePath());
  }

  /** An SQLite database in one file. */
  public static JdbcSettings sqlite(Path file) {
    return of("jdbc:sqlite:" + requireNonNull(file, "file").toAbsolutePath());
  }

  /** The database this URL names. */
  public Dialect dialect() {
    return Dialect.fromUrl(url);
  }

  /** The URL without parameters (which may carry credentials): fit for messages and logs. */
  public String redactedUrl() {
    int end = url.length();
    for (char c : new char[] {';', '?'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return url.substring(0, end);
  }

  /** The redacted URL and the user; never the password. */
  @Override
  public String toString() {
    return "JdbcSettings[url=" + redactedUrl() + ", user=" + user
        + ", password=" + (password.isPresent() ? "***" : "none") + "]";
  }
}
