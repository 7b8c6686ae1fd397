package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import io.convener.spi.storage.DatabaseSettings;
import io.convener.spi.storage.StoragePlace;
import io.convener.spi.storage.StorageProvider;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The relational store as {@code Conveners} finds it, through {@link java.util.ServiceLoader}: every
 * {@code jdbc:} URL, opened by a {@link JdbcStorageModule}. Registered in {@code
 * META-INF/services/io.convener.spi.storage.StorageProvider}; hosts that wire Guice themselves use
 * {@link JdbcStorageModule} directly. Stateless and thread-safe.
 */
public final class JdbcStorageProvider implements StorageProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public JdbcStorageProvider() {}

  @Override
  public boolean supports(String url) {
    return requireNonNull(url, "url").toLowerCase(Locale.ROOT).startsWith("jdbc:");
  }

  @Override
  public DatabaseSettings settings(String url) {
    return JdbcSettings.of(url);
  }

  /**
   * {@link JdbcSettings#defaults()}, an SQLite file under {@code ./convener-data/}.
   *
   * @throws IllegalStateException before creating anything when the SQLite driver is missing
   */
  @Override
  public DatabaseSettings defaults() {
    try {
      Class.forName("org.sqlite.JDBC", false, JdbcStorageProvider.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("without a database, Convener opens an SQLite file under ./convener-data/,"
          + " which needs org.xerial:sqlite-jdbc on the class path: add it, or give a database"
          + " (jdbc:h2:... needs no other library)", e);
    }
    return JdbcSettings.defaults();
  }

  @Override
  public DatabaseSettings describe(DataSource dataSource) {
    return JdbcSettings.describing(dataSource);
  }

  @Override
  public StoragePlace place(DatabaseSettings settings) {
    return jdbc(settings).place();
  }

  @Override
  public Object module(DatabaseSettings settings, @Nullable DataSource pool) {
    JdbcSettings jdbc = jdbc(settings);
    return pool == null ? new JdbcStorageModule(jdbc) : new JdbcStorageModule(jdbc, pool);
  }

  /** The settings as JDBC settings: as they are, or validated from their parts. */
  private static JdbcSettings jdbc(DatabaseSettings settings) {
    requireNonNull(settings, "settings");
    return settings instanceof JdbcSettings jdbc
        ? jdbc
        : new JdbcSettings(settings.url(), settings.user(), settings.password());
  }
}
