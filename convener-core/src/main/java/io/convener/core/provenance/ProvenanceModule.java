package io.convener.core.provenance;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.spi.storage.ChangeSignals;

/**
 * Binds the provenance log: the {@link ProvenanceRecorder} every call's entry goes through, and,
 * as {@code OptionalBinder} defaults a host can replace, the {@link ProvenanceLog} service and the
 * {@link CheckpointKeys} (by default from the {@code KeyProvider}); also the {@link
 * CheckpointWebhooks} and their delivery job. Needs a {@code ProvenanceStore}, a {@code
 * CheckpointWebhookStore} and a {@code KeyProvider}. Does no I/O.
 */
public final class ProvenanceModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Ledger.class).in(Singleton.class);
    bind(ProvenanceRecorder.class).to(Ledger.class);
    OptionalBinder.newOptionalBinder(binder(), ProvenanceLog.class).setDefault().to(DefaultProvenanceLog.class);
    bind(DefaultProvenanceLog.class).in(Singleton.class);
    bind(CheckpointFollower.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), ChangeSignals.class);
    OptionalBinder.newOptionalBinder(binder(), CheckpointKeys.class).setDefault().to(KeyProviderCheckpointKeys.class);
    bind(KeyProviderCheckpointKeys.class).in(Singleton.class);
    bind(CheckpointWebhooks.class).to(DefaultCheckpointWebhooks.class).in(Singleton.class);
    bind(WebhookSecrets.class).in(Singleton.class);
    bind(CheckpointPost.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), ScheduledJob.class).addBinding().to(CheckpointWebhookJob.class);
  }
}
