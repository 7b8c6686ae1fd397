package io.convener.core.learning;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.learning.LearningCatalyst;

/**
 * Binds the default {@link LearningCatalyst}; a host replaces it through its {@code
 * OptionalBinder}. Attribution notifications go through the outbox of {@code NotifyModule}.
 */
public final class LearningModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), LearningCatalyst.class).setDefault().to(DefaultLearningCatalyst.class);
    bind(DefaultLearningCatalyst.class).in(Singleton.class);
  }
}
