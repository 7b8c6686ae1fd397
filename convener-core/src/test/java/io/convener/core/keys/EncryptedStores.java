package io.convener.core.keys;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.TenantStore;
import io.convener.testing.storage.StoreFixture;

/** Opens the JDBC stores with the real cipher and key provider, wired as {@code ConvenerModule} wires them. */
final class EncryptedStores {
  private EncryptedStores() {}

  /** The injector of a host that installs the two public modules. */
  static Injector injector(ConvenerSettings settings, JdbcSettings database) {
    return Guice.createInjector(new ConvenerModule(settings), new JdbcStorageModule(database));
  }

  /** The stores of such an injector, not started. */
  static StoreFixture fixture(Injector injector, Runnable cleanup) {
    return new StoreFixture(
        injector.getInstance(TenantStore.class),
        injector.getInstance(MemberStore.class),
        injector.getInstance(EventStore.class),
        injector.getInstance(SubjectKeyStore.class),
        injector.getInstance(PersonalDataCipher.class),
        injector.getInstance(StorageLifecycle.class),
        cleanup);
  }
}
