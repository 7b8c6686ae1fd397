package io.convener.core.feedback;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.feedback.FeedbackService;
import io.convener.core.internal.feedback.FeedbackMarks;
import java.time.Clock;

/**
 * Binds the default {@link FeedbackService}, the {@link FeedbackMarks} that rankings, attributions
 * and the pulse read, and the system UTC clock as the {@link FeedbackClock}. A host replaces the
 * service or the clock with {@code OptionalBinder.newOptionalBinder(binder(), ...).setBinding()}.
 */
public final class FeedbackModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), FeedbackService.class)
        .setDefault()
        .to(DefaultFeedbackService.class);
    OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, FeedbackClock.class))
        .setDefault()
        .toInstance(Clock.systemUTC());
    bind(DefaultFeedbackService.class).in(Singleton.class);
    bind(FeedbackRights.class).in(Singleton.class);
    bind(FeedbackMarks.class).in(Singleton.class);
  }
}
