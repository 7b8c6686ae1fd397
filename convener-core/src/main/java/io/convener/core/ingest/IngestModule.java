package io.convener.core.ingest;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.core.internal.feed.IngestListener;
import io.convener.spi.storage.ChangeStore;
import io.convener.api.ingest.IngestService;

/**
 * Binds the default {@link IngestService}; a host replaces it with {@code
 * OptionalBinder.newOptionalBinder(binder(), IngestService.class).setBinding()}.
 */
public final class IngestModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), IngestService.class)
        .setDefault()
        .to(DefaultIngestService.class);
    bind(DefaultIngestService.class).in(Singleton.class);
    bind(Ingester.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), IngestListener.class);
    // A JDBC store binds it: the feed then follows what other processes commit to the same store.
    OptionalBinder.newOptionalBinder(binder(), ChangeStore.class);
  }
}
