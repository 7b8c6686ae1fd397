package io.convener.spi.storage;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A storage back end that {@code Conveners} finds with {@link java.util.ServiceLoader}, so that
 * convener-core needs no store at compile time: convener-jdbc registers one in {@code
 * META-INF/services/io.convener.spi.storage.StorageProvider}, and a host that has it on the class
 * path gets it. Implementations are stateless and thread-safe.
 *
 * <p>{@link #module} returns a Guice {@code com.google.inject.Module}, typed {@code Object}
 * because this SPI depends on no library; it must bind and expose the stores of this package,
 * {@link TenantSnapshots}, {@link StoragePlace} and {@link StorageLifecycle}.
 */
public interface StorageProvider {
  /** Whether this back end opens the database at this URL. */
  boolean supports(String url);

  /**
   * Validated settings for a URL this back end supports, without credentials. Does no I/O.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  DatabaseSettings settings(String url);

  /**
   * The settings of the database a host gets when it names none. May create its directory.
   *
   * @throws io.convener.api.StorageException when that fails
   * @throws IllegalStateException naming the missing library when the default needs one
   */
  DatabaseSettings defaults();

  /**
   * Settings that describe the database behind a host's pool: opens one connection to read its
   * URL, and closes it.
   *
   * @throws io.convener.api.StorageException when no connection can be opened
   * @throws IllegalArgumentException when the database is not one this back end supports
   */
  DatabaseSettings describe(DataSource dataSource);

  /** Where the data of this database lives. Does no I/O. */
  StoragePlace place(DatabaseSettings settings);

  /**
   * The Guice module of the stores of this database. With a {@code pool}, every connection comes
   * from it, and closing the store leaves it open: the host owns it. Does no I/O.
   *
   * @param pool the host's pool, or null to open one of the back end's own
   */
  Object module(DatabaseSettings settings, @Nullable DataSource pool);
}
