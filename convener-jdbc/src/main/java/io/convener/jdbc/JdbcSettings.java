package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.spi.storage.DatabaseSettings;
import io.convener.spi.storage.StoragePlace;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the JDBC store keeps its data: a JDBC URL and the credentials to open it. Immutable and
 * thread-safe; {@link #toString()} never shows the password.
 *
 * <p>Supported URLs: {@code jdbc:sqlite:FILE} (the default), {@code jdbc:h2:file:PATH} and {@code
 * jdbc:h2:mem:NAME} (embedded H2 2.x) and {@code jdbc:postgresql://HOST[:PORT]/DATABASE}. In-memory
 * SQLite and anonymous in-memory H2 databases are rejected: each connection would see its own
 * empty database.
 *
 * <p><b>A JDBC URL is trusted input.</b> Drivers act on URL parameters: H2's {@code INIT} runs SQL
 * (and through it Java code or {@code RUNSCRIPT FROM} any file), SQLite's {@code
 * enable_load_extension} loads native code, PostgreSQL's {@code socketFactory} or {@code
 * loggerFile} instantiate classes and write files. {@link #of} and the constructor take a URL
 * from the operator (a command-line option, a configuration file) as it is. A URL that comes from
 * anyone else (a tenant admin, a request, a file from elsewhere) goes through {@link
 * #untrusted(String)}, which refuses every parameter outside a short list of harmless ones.
 *
 * @param url the JDBC URL; validated by {@link Dialect#fromUrl}
 * @param user the user name, or empty to let the driver decide (embedded databases, or a user
 *     given in the URL)
 * @param password the password, if the database needs one
 */
public record JdbcSettings(String url, String user, Optional<String> password) implements DatabaseSettings {
  /**
   * The default database: an embedded SQLite file under {@code ./convener-data/}, in WAL mode with
   * {@code synchronous=FULL} (see {@link Dialect#SQLITE}).
   */
  public static final String DEFAULT_URL = "jdbc:sqlite:./convener-data/convener.db";

  /** The file of the default store before SQLite became the default: an H2 database. */
  static final String LEGACY_H2_FILE = "convener.mv.db";

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
   * Settings for a URL that does not come from the operator: the same as {@link #of}, but only
   * parameters that cannot run code, load classes or touch other files are accepted (H2: {@code
   * MODE}, {@code DB_CLOSE_DELAY} and a few more; SQLite: none; PostgreSQL: timeouts, TLS mode,
   * schema and application name).
   *
   * @throws IllegalArgumentException naming the first refused parameter, or when the URL is not
   *     supported
   */
  public static JdbcSettings untrusted(String url) {
    UntrustedUrls.check(requireNonNull(url, "url"));
    return of(url);
  }

  /**
   * The default: an embedded SQLite database at {@value #DEFAULT_URL}, relative to the working
   * directory. Creates the {@code convener-data} directory if it is missing.
   *
   * @throws StorageException when the directory cannot be created, or when it holds the H2 store
   *     of an earlier version ({@value #LEGACY_H2_FILE}, the default before SQLite) and no SQLite
   *     store yet: opening an empty store instead would hide the data
   */
  public static JdbcSettings defaults() {
    Path dir = Path.of("convener-data");
    refuseLegacyStore(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("could not create the data directory " + dir.toAbsolutePath(), e);
    }
    return of(DEFAULT_URL);
  }

  /** Refuses a data directory that holds the old default H2 store but no SQLite store yet. */
  static void refuseLegacyStore(Path dir) {
    if (Files.exists(dir.resolve(LEGACY_H2_FILE)) && !Files.exists(dir.resolve("convener.db"))) {
      throw new StorageException(dir + " holds the H2 store of an earlier Convener version ("
          + LEGACY_H2_FILE + "), and the default store is now SQLite: keep using it with --db"
          + " jdbc:h2:file:./convener-data/convener, or copy it over with `convener backup` from it"
          + " and `convener restore` into the default",
          new FileAlreadyExistsException(dir.resolve(LEGACY_H2_FILE).toString()));
    }
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

  /**
   * Settings that describe the database behind a host's pool, for {@link
   * JdbcStorageModule#JdbcStorageModule(JdbcSettings, DataSource)}: opens one connection to read the
   * database's URL from its metadata, and closes it. The pool keeps its own credentials.
   *
   * @throws StorageException when no connection can be opened
   * @throws IllegalArgumentException when the database is not one Convener supports
   */
  public static JdbcSettings describing(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
    } catch (SQLException e) {
      throw new StorageException("could not open a connection of the host's DataSource: " + e.getMessage(), e);
    }
    if (url == null) {
      throw new IllegalArgumentException("the host's DataSource does not tell its JDBC URL (DatabaseMetaData.getURL() is null)");
    }
    return of(url);
  }

  /** Where the data lives: in memory for {@code jdbc:h2:mem:}, in a file for an embedded file database. */
  public StoragePlace place() {
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
      return StoragePlace.memory();
    }
    return dialect().localFile(url).map(StoragePlace::file).orElseGet(StoragePlace::server);
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

  /**
   * Which database this is, for messages: the dialect and the file of an embedded database, or the
   * URL without parameters and without any user information before an {@code @}; never a
   * credential.
   */
  public String describe() {
    Dialect dialect = dialect();
    String where = dialect.localFile(url).map(Path::toString).orElseGet(() -> {
      String bare = redactedUrl();
      int at = bare.lastIndexOf('@');
      int hosts = bare.indexOf("//");
      return at > hosts && hosts >= 0 ? bare.substring(0, hosts + 2) + bare.substring(at + 1) : bare;
    });
    return dialect + " database " + where;
  }

  /** The redacted URL and the user; never the password. */
  @Override
  public String toString() {
    return "JdbcSettings[url=" + redactedUrl() + ", user=" + user
        + ", password=" + (password.isPresent() ? "***" : "none") + "]";
  }
}
