package io.convener.core;

import io.convener.api.Convener;
import io.convener.api.approval.ApprovalService;
import io.convener.api.feedback.FeedbackService;
import io.convener.api.backup.Backups;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.api.consent.ConsentGate;
import io.convener.api.ingest.IngestService;
import io.convener.api.learning.LearningCatalyst;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.profile.ProfileService;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.api.notify.Notifier;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.replay.Replays;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.core.internal.schedule.JobScheduler;
import io.convener.core.notify.OutboxRelay;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Inject;
import java.time.Duration;
import jakarta.inject.Singleton;

/** The facade over the injected services. */
@Singleton
final class DefaultConvener implements Convener {
  private final StorageLifecycle storage;
  private final IngestService ingest;
  private final ConsentGate consent;
  private final ProvenanceLog provenance;
  private final CheckpointWebhooks checkpointWebhooks;
  private final ProfileService profiles;
  private final ApprovalService approvals;
  private final FeedbackService feedback;
  private final LearningCatalyst learning;
  private final InnovationSpread innovation;
  private final PulseAggregator pulse;
  private final ChampionDiscovery champions;
  private final Notifier notifier;
  private final Replays replays;
  private final OutboxRelay relay;
  private final IngestFeed feed;
  private final JobScheduler scheduler;
  private final Backups backups;

  @Inject
  DefaultConvener(
      StorageLifecycle storage,
      IngestService ingest,
      ConsentGate consent,
      ProvenanceLog provenance,
      CheckpointWebhooks checkpointWebhooks,
      ProfileService profiles,
      ApprovalService approvals,
      FeedbackService feedback,
      LearningCatalyst learning,
      InnovationSpread innovation,
      PulseAggregator pulse,
      ChampionDiscovery champions,
      Notifier notifier,
      Replays replays,
      OutboxRelay relay,
      IngestFeed feed,
      JobScheduler scheduler,
      Backups backups) {
    this.storage = storage;
    this.ingest = ingest;
    this.consent = consent;
    this.provenance = provenance;
    this.checkpointWebhooks = checkpointWebhooks;
    this.profiles = profiles;
    this.approvals = approvals;
    this.feedback = feedback;
    this.learning = learning;
    this.innovation = innovation;
    this.pulse = pulse;
    this.champions = champions;
    this.notifier = notifier;
    this.replays = replays;
    this.relay = relay;
    this.feed = feed;
    this.scheduler = scheduler;
    this.backups = backups;
  }

  @Override
  public void start() {
    storage.start();
    relay.start();
    scheduler.start();
  }

  @Override
  public IngestService ingest() {
    return ingest;
  }

  @Override
  public ConsentGate consent() {
    return consent;
  }

  @Override
  public ProfileService profiles() {
    return profiles;
  }

  @Override
  public ProvenanceLog provenance() {
    return provenance;
  }

  @Override
  public CheckpointWebhooks checkpointWebhooks() {
    return checkpointWebhooks;
  }

  @Override
  public ApprovalService approvals() {
    return approvals;
  }

  @Override
  public FeedbackService feedback() {
    return feedback;
  }

  @Override
  public LearningCatalyst learning() {
    return learning;
  }

  @Override
  public InnovationSpread innovation() {
    return innovation;
  }

  @Override
  public PulseAggregator pulse() {
    return pulse;
  }

  @Override
  public ChampionDiscovery champions() {
    return champions;
  }

  @Override
  public Notifier notifier() {
    return notifier;
  }

  @Override
  public Replays replays() {
    return replays;
  }

  @Override
  public Backups backups() {
    return backups;
  }

  @Override
  public boolean isReady(Duration timeout) {
    return storage.isReady(timeout);
  }

  @Override
  public void close() {
    scheduler.close();
    relay.close();
    feed.close();
    storage.close();
  }
}
