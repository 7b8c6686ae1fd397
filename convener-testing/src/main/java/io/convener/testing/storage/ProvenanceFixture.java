package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;

import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.TenantStore;

/**
 * The provenance store under test, over one new and empty database, as a {@link
 * ProvenanceStoreContract} subclass hands it over. Closing the fixture closes the lifecycle, then
 * runs {@code cleanup}.
 *
 * @param tenants the tenant store of the same database
 * @param provenance the provenance store
 * @param lifecycle the lifecycle of the stores; not started yet
 * @param cleanup what to do after the lifecycle is closed
 */
public record ProvenanceFixture(
    TenantStore tenants, ProvenanceStore provenance, StorageLifecycle lifecycle, Runnable cleanup)
    implements AutoCloseable {
  /** Checks that no component is null. */
  public ProvenanceFixture {
    requireNonNull(tenants, "tenants");
    requireNonNull(provenance, "provenance");
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
