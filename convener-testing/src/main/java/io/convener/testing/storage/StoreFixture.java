package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;

import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.TenantStore;

/**
 * The stores under test, over one new and empty database, as a {@link StorageContract} subclass
 * hands them over. Closing the fixture closes the lifecycle, then runs {@code cleanup} (for
 * example to delete a temporary directory).
 *
 * @param tenants the tenant store
 * @param members the member store
 * @param events the event store
 * @param subjectKeys the store of members' wrapped data keys
 * @param cipher the cipher the member store encrypts personal data with; the contract calls it
 *     directly only to shred keys behind the store's back
 * @param lifecycle the lifecycle of the stores; not started yet
 * @param cleanup what to do after the lifecycle is closed, such as deleting a temporary directory
 */
public record StoreFixture(
    TenantStore tenants,
    MemberStore members,
    EventStore events,
    SubjectKeyStore subjectKeys,
    PersonalDataCipher cipher,
    StorageLifecycle lifecycle,
    Runnable cleanup)
    implements AutoCloseable {

  /** Checks that no component is null. */
  public StoreFixture {
    requireNonNull(tenants, "tenants");
    requireNonNull(members, "members");
    requireNonNull(events, "events");
    requireNonNull(subjectKeys, "subjectKeys");
    requireNonNull(cipher, "cipher");
    requireNonNull(lifecycle, "lifecycle");
    requireNonNull(cleanup, "cleanup");
  }

  /** A fixture with nothing to clean up after the lifecycle is closed. */
  public static StoreFixture of(
      TenantStore tenants,
      MemberStore members,
      EventStore events,
      SubjectKeyStore subjectKeys,
      PersonalDataCipher cipher,
      StorageLifecycle lifecycle) {
    return new StoreFixture(tenants, members, events, subjectKeys, cipher, lifecycle, () -> {});
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
