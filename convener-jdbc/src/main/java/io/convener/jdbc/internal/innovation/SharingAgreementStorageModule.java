package io.convener.jdbc.internal.innovation;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.SharingAgreementStore;

/**
 * Binds the JDBC {@link SharingAgreementStore} and {@link InnovationDetectionStore} as singletons.
 * Does no I/O. Not API.
 */
public final class SharingAgreementStorageModule extends AbstractModule {
  /** Creates the module. */
  public SharingAgreementStorageModule() {}

  @Override
  protected void configure() {
    bind(SharingAgreementStore.class).to(JdbiSharingAgreementStore.class).in(Singleton.class);
    bind(InnovationDetectionStore.class).to(JdbiInnovationDetectionStore.class).in(Singleton.class);
  }
}
