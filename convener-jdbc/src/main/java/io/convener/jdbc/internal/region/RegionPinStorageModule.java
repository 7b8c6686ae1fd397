package io.convener.jdbc.internal.region;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.RegionPinStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link RegionPinStore} as a singleton. Does no I/O. Not API. */
public final class RegionPinStorageModule extends AbstractModule {
  /** Creates the module. */
  public RegionPinStorageModule() {}

  @Override
  protected void configure() {
    bind(RegionPinStore.class).to(JdbiRegionPinStore.class).in(Singleton.class);
  }
}
