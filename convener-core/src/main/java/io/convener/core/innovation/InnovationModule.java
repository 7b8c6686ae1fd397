package io.convener.core.innovation;

import com.google.inject.multibindings.Multibinder;
import io.convener.core.internal.schedule.ScheduledJob;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.innovation.InnovationSpread;

/**
 * Binds the default {@link InnovationSpread}; a host replaces it through its {@code
 * OptionalBinder}. Needs a {@link io.convener.spi.storage.SharingAgreementStore} (the JDBC storage
 * module exposes one) and the notification channels of {@code NotifyModule}.
 */
public final class InnovationModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), InnovationSpread.class).setDefault().to(DefaultInnovationSpread.class);
    bind(DefaultInnovationSpread.class).in(Singleton.class);
    bind(Pseudonyms.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), ScheduledJob.class).addBinding().to(PatternPushJob.class);
  }
}
