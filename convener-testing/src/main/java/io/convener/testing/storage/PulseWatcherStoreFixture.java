package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;

import io.convener.spi.storage.PulseWatcherStore;
import io.convener.spi.storage.StorageLifecycle;

/**
 * The store a {@link PulseWatcherStoreContract} subclass hands over, over one new and empty
 * database. Closing the fixture closes the lifecycle, then runs {@code cleanup}.
 *
 * @param watchers the pulse watcher store under test
 * @param lifecycle the lifecycle of the store; not started yet
 * @param cleanup what to do after the lifecycle is closed, such as deleting a temporary directory
 */
public record PulseWatcherStoreFixture(PulseWatcherStore watchers, StorageLifecycle lifecycle, Runnable cleanup)
    implements AutoCloseable {

  /** Checks that no component is null. */
  public PulseWatcherStoreFixture {
    requireNonNull(watchers, "watchers");
    requireNonNull(lifecycle, "lifecycle");
    requireNonNull(cleanup, "cleanup");
  }

  /** Closes the lifecycle, then runs the cleanup even when closing failed. */
  @Override
  public void close() {
    try {
      lifecycle.close();
    } finally {
      cleanup.run();
    }
  }
}
