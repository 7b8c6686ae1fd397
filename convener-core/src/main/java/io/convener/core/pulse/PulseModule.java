package io.convener.core.pulse;

import io.convener.core.internal.schedule.ScheduledJob;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.pulse.PulseAggregator;
import io.convener.core.internal.feed.IngestListener;
import io.convener.core.sentiment.LexiconSentimentAnalyzer;
import io.convener.spi.notify.PulseWatchers;
import io.convener.spi.pulse.SentimentAnalyzer;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.PulseDigestStore;

/**
 * Binds the default {@link PulseAggregator}, its rollups as an {@link IngestListener} of the ingest
 * feed, and the default {@link SentimentAnalyzer} ({@link LexiconSentimentAnalyzer}, which scores the
 * {@code text} of interchange lines at ingestion); a host replaces either
 * through its {@code OptionalBinder}, and the {@link PulseWatchers} told of risks (the watchers
 * admins keep in the {@link io.convener.spi.storage.PulseWatcherStore}, unless the host binds its
 * own through {@code OptionalBinder.setBinding()}), and the {@link PulseMemory} budget. Needs the
 * stores and the consent gate; uses the {@link PulseDigestStore}, {@link ChangeStore} and {@link
 * MembershipHistoryStore} where the storage binds them. Does no I/O.
 */
public final class PulseModule extends AbstractModule {
  /** Creates the module. */
  public PulseModule() {}

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), PulseAggregator.class).setDefault().to(DefaultPulseAggregator.class);
    bind(DefaultPulseAggregator.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), SentimentAnalyzer.class).setDefault().toInstance(LexiconSentimentAnalyzer.english());
    bind(Rollups.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), PulseWatchers.class).setDefault().to(StoredPulseWatchers.class);
    bind(TenantSettings.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), PulseMemory.class).setDefault().toInstance(PulseMemory.DEFAULT);
    OptionalBinder.newOptionalBinder(binder(), PulseDigestStore.class);
    OptionalBinder.newOptionalBinder(binder(), ChangeStore.class);
    OptionalBinder.newOptionalBinder(binder(), MembershipHistoryStore.class);
    Multibinder.newSetBinder(binder(), IngestListener.class).addBinding().to(Rollups.class);
    Multibinder.newSetBinder(binder(), ScheduledJob.class).addBinding().to(RiskWatchJob.class);
  }
}
