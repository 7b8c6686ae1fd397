package io.convener.spi.storage;

/**
 * Starts and stops a store: {@link #start()} brings the schema up to date (running migrations) and
 * must be called once before any other storage call; {@link #close()} releases connections.
 * Both are idempotent. Implementations are thread-safe.
 */
public interface StorageLifecycle extends AutoCloseable {
  /** Migrates the schema to the current version and opens the store. */
  void start();

  /** Releases every resource the store holds. */
  @Override
  void close();
}
