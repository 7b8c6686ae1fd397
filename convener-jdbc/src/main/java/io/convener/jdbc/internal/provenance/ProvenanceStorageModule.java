package io.convener.jdbc.internal.provenance;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link ProvenanceStore} as a singleton. Does no I/O. Not API. */
public final class ProvenanceStorageModule extends AbstractModule {
  /** Creates the module. */
  public ProvenanceStorageModule() {}

  @Override
  protected void configure() {
    bind(ProvenanceStore.class).to(JdbiProvenanceStore.class).in(Singleton.class);
  }
}
