package io.convener.core;

import static java.util.Objects.requireNonNull;

import io.convener.spi.storage.StoragePlace;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the Convener services. Immutable; start from {@link #defaults()}.
 *
 * @param ingestBatchSize how many members or events ingestion writes per store transaction
 *     (1 to 100,000; default 1,000)
 * @param keyDirectory where the default key provider keeps each tenant's keyset file (default
 *     {@code ./convener-data/keys}, or where {@link #forStore} puts it for the storage in use); empty to keep keys in memory only, so that they die with the
 *     process, which suits tests and in-memory databases only. Keep one key directory per
 *     database: two databases sharing one would share each tenant's keys, and destroying a tenant
 *     in one would shred it in both. Back the directory up apart from the database; without it the
 *     personal data in the database cannot be read.
 * @param rateLimits per-tenant quotas of the public APIs, with each subject's share (default {@link
 *     RateLimits#defaults()}: 600 calls per minute per tenant and API, 300 of them per subject)
 */
public record ConvenerSettings(int ingestBatchSize, Optional<Path> keyDirectory, RateLimits rateLimits) {
  /** Default batch size: large enough to amortise a commit, small enough to bound memory. */
  public static final int DEFAULT_INGEST_BATCH_SIZE = 1000;

  /** Default key directory, relative to the working directory, beside the default database. */
  public static final Path DEFAULT_KEY_DIRECTORY = Path.of("convener-data", "keys");

  /** Validates ranges. */
  public ConvenerSettings {
    if (ingestBatchSize < 1 || ingestBatchSize > 100_000) {
      throw new IllegalArgumentException("ingestBatchSize must be in [1, 100000], got " + ingestBatchSize);
    }
    requireNonNull(keyDirectory, "keyDirectory");
    requireNonNull(rateLimits, "rateLimits");
  }

  /** The documented defaults. */
  public static ConvenerSettings defaults() {
    return new ConvenerSettings(DEFAULT_INGEST_BATCH_SIZE, Optional.of(DEFAULT_KEY_DIRECTORY), RateLimits.defaults());
  }

  /** A copy with another ingestion batch size. */
  public ConvenerSettings withIngestBatchSize(int size) {
    return new ConvenerSettings(size, keyDirectory, rateLimits);
  }

  /** A copy that keeps keyset files in this directory. */
  public ConvenerSettings withKeyDirectory(Path directory) {
    return new ConvenerSettings(ingestBatchSize, Optional.of(requireNonNull(directory, "directory")), rateLimits);
  }

  /** A copy that keeps keys in memory only: they die with the process. For tests and in-memory databases. */
  public ConvenerSettings withInMemoryKeys() {
    return new ConvenerSettings(ingestBatchSize, Optional.empty(), rateLimits);
  }

  /**
   * The settings for a store at this place: while the key directory is the default, keys stay in
   * memory for a store in memory (they die with its data) and go to a {@code keys} directory beside
   * the file of an embedded database (so that two databases never share keys); otherwise, and for
   * a database server, the settings as they are. {@code Conveners} applies it; the default key
   * provider of a Guice host applies its in-memory rule to the {@link StoragePlace} the storage
   * module binds (keys of a file database stay where earlier versions put them).
   */
  public ConvenerSettings forStore(Optional<StoragePlace> place) {
    if (!keyDirectory.equals(Optional.of(DEFAULT_KEY_DIRECTORY)) || place.isEmpty()) {
      return this;
    }
    if (place.get().inMemory()) {
      return withInMemoryKeys();
    }
    return place.get().file().map(file -> withKeyDirectory(file.toAbsolutePath().resolveSibling("keys"))).orElse(this);
  }

  /** A copy with other rate limits. */
  public ConvenerSettings withRateLimits(RateLimits limits) {
    return new ConvenerSettings(ingestBatchSize, keyDirectory, requireNonNull(limits, "limits"));
  }
}
