package io.convener.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import io.convener.api.Convener;
import io.convener.core.approval.ApprovalModule;
import io.convener.core.feedback.FeedbackModule;
import io.convener.core.backup.BackupModule;
import io.convener.core.champion.ChampionModule;
import io.convener.core.consent.ConsentModule;
import io.convener.core.ingest.IngestModule;
import io.convener.core.innovation.InnovationModule;
import io.convener.core.keys.KeysModule;
import io.convener.core.learning.LearningModule;
import io.convener.core.internal.gate.GateModule;
import io.convener.core.internal.schedule.SchedulerModule;
import io.convener.core.internal.telemetry.TelemetryModule;
import io.convener.core.profile.ProfileModule;
import io.convener.core.notify.NotifyModule;
import io.convener.core.provenance.ProvenanceModule;
import io.convener.core.pulse.PulseModule;
import io.convener.core.replay.ReplayModule;

/**
 * The Guice entry point of the Convener services. Install it beside a storage module, which
 * convener-core does not bring: {@code io.convener.jdbc.JdbcStorageModule} from {@code
 * io.convener:convener-jdbc}, or a host's own; each default service is bound with an {@link
 * com.google.inject.multibindings.OptionalBinder}, so a host can replace any of them. Installing
 * the module does no I/O: call {@link Convener#start()} on the injected {@link Convener} before
 * use.
 *
 * <p>It also binds the default {@link io.convener.spi.keys.KeyProvider} (keyset files under {@link
 * ConvenerSettings#keyDirectory()}, or in memory while that is the default and the storage
 * module's {@link io.convener.spi.storage.StoragePlace} is in memory, so that an in-memory database
 * writes nothing into the working directory) and the {@link io.convener.spi.keys.PersonalDataCipher} that
 * the storage module needs to keep personal data encrypted at rest.
 */
public final class ConvenerModule extends AbstractModule {
  private final ConvenerSettings settings;

  /** A module with these settings. */
  public ConvenerModule(ConvenerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** A module with {@link ConvenerSettings#defaults()}. */
  public ConvenerModule() {
    this(ConvenerSettings.defaults());
  }

  @Override
  protected void configure() {
    bind(ConvenerSettings.class).toInstance(settings);
    bind(Convener.class).to(DefaultConvener.class);
    install(new GateModule());
    install(new TelemetryModule());
    install(new SchedulerModule());
    install(new ProvenanceModule());
    install(new IngestModule());
    install(new KeysModule());
    install(new ConsentModule());
    install(new ProfileModule());
    install(new NotifyModule());
    install(new ApprovalModule());
    install(new FeedbackModule());
    install(new LearningModule());
    install(new InnovationModule());
    install(new PulseModule());
    install(new ChampionModule());
    install(new ReplayModule());
    install(new BackupModule());
  }
}
