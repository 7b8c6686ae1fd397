package io.convener.spi.storage;

import java.time.Duration;

/**
 * Starts and stops a store: {@link #start()} brings the schema up to date (running migrations) and
 * must be called once before any other storage call; {@link #close()} releases connections.
 * Both are idempotent. Implementations are thread-safe.
 */
public interface StorageLifecycle extends AutoCloseable {
  /** Migrates the schema to the current version and opens the store. */
  void start();

  /**
   * Whether the store answers now: a trivial statement, run the way a write would run (through
   * the store's write lock, in a write transaction), returns within {@code timeout}. A readiness
   * probe: it returns within about {@code timeout} even while the database hangs, never throws,
   * and while an earlier probe is still stuck answers {@code false} at once rather than pile up.
   *
   * @param timeout how long to wait for the answer; a second or two
   * @return false before {@link #start()}, after {@link #close()}, and while the store fails or
   *     does not answer in time
   */
  boolean isReady(Duration timeout);

  /** Releases every resource the store holds. */
  @Override
  void close();
}
