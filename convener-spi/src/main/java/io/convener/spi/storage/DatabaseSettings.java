package io.convener.spi.storage;

import java.util.Optional;

/**
 * Where a store keeps its data, independent of the storage back end: a URL that names the
 * database and the credentials to open it. convener-jdbc's {@code JdbcSettings} is one; {@code
 * Conveners.builder().database(...)} takes any, and the {@link StorageProvider} whose {@link
 * StorageProvider#supports} accepts the URL opens it. Implementations are immutable and never
 * show the password in {@code toString()}.
 */
public interface DatabaseSettings {
  /** The URL of the database, such as {@code jdbc:h2:mem:test}; may carry parameters. */
  String url();

  /** The user name, or empty to let the driver decide. */
  String user();

  /** The password, if the database needs one. */
  Optional<String> password();
}
