package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;

import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.TenantStore;

/**
 * The stores a {@link ConsentStoreContract} subclass hands over, over one new and empty database.
 * Closing the fixture closes the lifecycle, then runs {@code cleanup}.
 *
 * @param tenants the tenant store
 * @param consent the consent store under test
 * @param lifecycle the lifecycle of the stores; not started yet
 * @param cleanup what to do after the lifecycle is closed, such as deleting a temporary directory
 */
public record ConsentStoreFixture(
    TenantStore tenants, ConsentStore consent, StorageLifecycle lifecycle, Runnable cleanup)
    implements AutoCloseable {

  /** Checks that no component is null. */
  public ConsentStoreFixture {
    requireNonNull(tenants, "tenants");
    requireNonNull(consent, "consent");
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
