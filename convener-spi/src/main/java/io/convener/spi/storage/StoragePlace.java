package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store's data lives, as far as the keys that encrypt it care: the default key provider
 * keeps a tenant's keys in memory when the data is in memory too (both die with the process), and
 * beside the file of an embedded database otherwise, so that two databases never share keys. A
 * storage back end binds one beside its stores; without one, keys go where {@code
 * ConvenerSettings} says.
 *
 * @param inMemory whether the data dies with the process (such as {@code jdbc:h2:mem:})
 * @param file the file of an embedded database, empty for a database server or memory
 */
public record StoragePlace(boolean inMemory, Optional<Path> file) {
  /** Validates. */
  public StoragePlace {
    requireNonNull(file, "file");
    if (inMemory && file.isPresent()) {
      throw new IllegalArgumentException("a store in memory has no file: " + file.get());
    }
  }

  /** A store in memory. */
  public static StoragePlace memory() {
    return new StoragePlace(true, Optional.empty());
  }

  /** An embedded store in this file. */
  public static StoragePlace file(Path file) {
    return new StoragePlace(false, Optional.of(requireNonNull(file, "file")));
  }

  /** A store on a database server. */
  public static StoragePlace server() {
    return new StoragePlace(false, Optional.empty());
  }
}
