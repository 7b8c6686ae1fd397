package io.convener.jdbc.internal.idempotency;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.IdempotencyStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link IdempotencyStore} as a singleton. Does no I/O. Not API. */
public final class IdempotencyStorageModule extends AbstractModule {
  /** Creates the module. */
  public IdempotencyStorageModule() {}

  @Override
  protected void configure() {
    bind(IdempotencyStore.class).to(JdbiIdempotencyStore.class).in(Singleton.class);
  }
}
