package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import com.google.inject.PrivateModule;
import io.convener.jdbc.internal.approval.ApprovalStorageModule;
import io.convener.jdbc.internal.feedback.FeedbackStorageModule;
import io.convener.jdbc.internal.backup.BackupStorageModule;
import io.convener.jdbc.internal.block.EventBlockStorageModule;
import io.convener.jdbc.internal.champion.ChampionSettingsStorageModule;
import io.convener.jdbc.internal.consent.ConsentStorageModule;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.jdbc.internal.db.HostPool;
import io.convener.jdbc.internal.event.EventStorageModule;
import io.convener.jdbc.internal.idempotency.IdempotencyStorageModule;
import io.convener.jdbc.internal.innovation.SharingAgreementStorageModule;
import io.convener.jdbc.internal.keys.SubjectKeyStorageModule;
import io.convener.jdbc.internal.member.MemberStorageModule;
import io.convener.jdbc.internal.provenance.ProvenanceStorageModule;
import io.convener.jdbc.internal.pulse.PulseDigestStorageModule;
import io.convener.jdbc.internal.pulse.PulseSettingsStorageModule;
import io.convener.jdbc.internal.quota.QuotaStorageModule;
import io.convener.jdbc.internal.hook.CheckpointWebhookStorageModule;
import io.convener.jdbc.internal.schedule.JobLeaseStorageModule;
import io.convener.jdbc.internal.region.RegionPinStorageModule;
import io.convener.jdbc.internal.watch.PulseWatcherStorageModule;
import io.convener.jdbc.internal.notify.NotificationStorageModule;
import io.convener.spi.storage.NotificationStore;
import io.convener.jdbc.internal.signal.SignalModule;
import io.convener.jdbc.internal.tenant.TenantStorageModule;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.ApprovalStore;
import io.convener.spi.storage.FeedbackStore;
import io.convener.spi.storage.ChampionSettingsStore;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.IdempotencyStore;
import io.convener.spi.storage.CheckpointWebhookStore;
import io.convener.spi.storage.JobLeaseStore;
import io.convener.spi.storage.OutboxUpkeepStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.SharingAgreementStore;
import io.convener.spi.storage.PulseDigestStore;
import io.convener.spi.storage.PulseSettingsStore;
import io.convener.spi.storage.PulseWatcherStore;
import io.convener.spi.storage.QuotaStore;
import io.convener.spi.storage.RegionPinStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.StoragePlace;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.TenantSnapshots;
import io.convener.spi.storage.TenantStore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Convener storage on a relational database: binds and exposes exactly the storage SPI, {@link
 * TenantStore}, {@link MemberStore}, {@link EventStore}, {@link SubjectKeyStore}, {@link
 * ConsentStore}, {@link ProvenanceStore}, {@link ApprovalStore}, {@link FeedbackStore}, {@link SharingAgreementStore}, {@link InnovationDetectionStore}, {@link PulseSettingsStore}, {@link PulseWatcherStore}, {@link ChampionSettingsStore}, {@link NotificationStore}, {@link EventBlockStore}, {@link PulseDigestStore}, {@link ChangeStore}, {@link ChangeSignals}, {@link IdempotencyStore}, {@link QuotaStore}, {@link RegionPinStore}, {@link JobLeaseStore}, {@link OutboxUpkeepStore}, {@link CheckpointWebhookStore} and {@link StorageLifecycle}, each a singleton, the {@link TenantSnapshots} that backups read and restores write, and the {@link StoragePlace} that tells the key provider where the data lives; everything else stays private to the module.
 *
 * <p>The member store keeps personal data encrypted and needs a {@link
 * io.convener.spi.keys.PersonalDataCipher} bound outside this module: {@code ConvenerModule}
 * binds the default, and the injector fails to build, naming the cipher, without one. The store
 * never holds a key.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new ConvenerModule(), new JdbcStorageModule(JdbcSettings.of(url)));
 * StorageLifecycle storage = injector.getInstance(StorageLifecycle.class);
 * storage.start();   // opens the connection pool and migrates the schema
 * ...
 * storage.close();
 * }</pre>
 *
 * <p>The module does no I/O: nothing touches the database until {@link StorageLifecycle#start()}.
 * The member and event stores register a tenant on its first write, so hosts need not call
 * {@link TenantStore#register} first. Install one module per database; two modules on the same
 * embedded database file in one JVM share it.
 */
public final class JdbcStorageModule extends PrivateModule {
  private final JdbcSettings settings;
  private final @Nullable DataSource pool;

  /**
   * A module for this database; the store opens a connection pool of its own.
   *
   * @throws NullPointerException when {@code settings} is null
   */
  public JdbcStorageModule(JdbcSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.pool = null;
  }

  /**
   * A module that takes every connection from the host's pool, migrates the schema through it and
   * leaves it open when the store closes: the host owns it. {@code settings} describe the database
   * behind the pool ({@link JdbcSettings#describing(DataSource)} reads them from it); their
   * credentials are not used. The host configures the pool's connections with what {@link
   * Dialect#connectionProperties(String)} lists (on SQLite WAL, {@code synchronous=FULL}, foreign
   * keys, {@code IMMEDIATE} transactions and a busy timeout; see docs/storage.md).
   *
   * @throws NullPointerException when an argument is null
   */
  public JdbcStorageModule(JdbcSettings settings, DataSource pool) {
    this.settings = requireNonNull(settings, "settings");
    this.pool = requireNonNull(pool, "pool");
  }

  @Override
  protected void configure() {
    bind(JdbcSettings.class).toInstance(settings);
    bind(HostPool.class).toInstance(new HostPool(pool));
    bind(StoragePlace.class).toInstance(settings.place());
    expose(StoragePlace.class);
    install(new DatabaseModule());
    install(new TenantStorageModule());
    install(new MemberStorageModule());
    install(new EventStorageModule());
    install(new SubjectKeyStorageModule());
    expose(TenantStore.class);
    expose(MemberStore.class);
    expose(MembershipHistoryStore.class);
    expose(EventStore.class);
    expose(SubjectKeyStore.class);
    install(new ConsentStorageModule());
    expose(ConsentStore.class);
    install(new ProvenanceStorageModule());
    expose(ProvenanceStore.class);
    install(new ApprovalStorageModule());
    expose(ApprovalStore.class);
    install(new FeedbackStorageModule());
    expose(FeedbackStore.class);
    install(new SharingAgreementStorageModule());
    expose(SharingAgreementStore.class);
    expose(InnovationDetectionStore.class);
    install(new PulseSettingsStorageModule());
    expose(PulseSettingsStore.class);
    install(new PulseWatcherStorageModule());
    expose(PulseWatcherStore.class);
    install(new ChampionSettingsStorageModule());
    expose(ChampionSettingsStore.class);
    install(new NotificationStorageModule());
    expose(NotificationStore.class);
    install(new EventBlockStorageModule());
    expose(EventBlockStore.class);
    install(new PulseDigestStorageModule());
    expose(PulseDigestStore.class);
    expose(ChangeStore.class);
    install(new SignalModule());
    expose(ChangeSignals.class);
    install(new IdempotencyStorageModule());
    expose(IdempotencyStore.class);
    install(new QuotaStorageModule());
    expose(QuotaStore.class);
    install(new RegionPinStorageModule());
    expose(RegionPinStore.class);
    install(new JobLeaseStorageModule());
    expose(JobLeaseStore.class);
    expose(OutboxUpkeepStore.class);
    install(new CheckpointWebhookStorageModule());
    expose(CheckpointWebhookStore.class);
    install(new BackupStorageModule());
    expose(TenantSnapshots.class);
    expose(StorageLifecycle.class);
  }
}
