package io.convener.api;

import io.convener.api.approval.ApprovalService;
import io.convener.api.backup.Backups;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.api.consent.ConsentGate;
import io.convener.api.feedback.FeedbackService;
import io.convener.api.ingest.IngestService;
import io.convener.api.learning.LearningCatalyst;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.profile.ProfileService;
import io.convener.api.provenance.CheckpointWebhooks;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.api.notify.Notifier;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.replay.Replays;
import java.time.Duration;

/**
 * The facade a host holds: one running Convener, with its services. Obtain one from {@code
 * io.convener.core.Conveners.builder()}, or from a Guice injector built with {@code
 * ConvenerModule} and a storage module (then call {@link #start()} first). Thread-safe; close it to
 * release the store.
 */
public interface Convener extends AutoCloseable {
  /**
   * Opens the store and brings its schema up to date. The builder calls it; a host that wires
   * Convener with Guice calls it once before any other call. Idempotent.
   *
   * @throws StorageException when the store cannot be opened or migrated
   */
  void start();

  /** Ingestion of members and events. */
  IngestService ingest();

  /**
   * The consent gate: records members' consent per purpose, answers checks, and filters every
   * shared output so that only consenting members are named.
   */
  ConsentGate consent();

  /** Members' personal data: consent-gated reads, crypto-shredding erasure. */
  ProfileService profiles();

  /** The tenant-by-tenant, tamper-evident log of every call: query, verify, checkpoints, proofs. */
  ProvenanceLog provenance();

  /** Webhooks that push each new signed checkpoint of the log to an outside auditor (admins only). */
  CheckpointWebhooks checkpointWebhooks();

  /**
   * The approval workflow: requests to use a member's data for a purpose, decided by the member
   * and, where the policy asks, by admins.
   */
  ApprovalService approvals();

  /**
   * Feedback on results: members and managers agree with or dispute champion recommendations,
   * attributions and risk flags; admins review disputes. A dispute that holds changes later results
   * (see docs/feedback.md).
   */
  FeedbackService feedback();

  /**
   * The learning catalyst: attributes outcomes to the people whose learning led to them, naming
   * only those who consent to {@code learning.attribution}.
   */
  LearningCatalyst learning();

  /** Innovation spread: lineage and adoption metrics of practices, sharing agreements between tenants. */
  InnovationSpread innovation();

  /**
   * The community pulse: engagement, sentiment and psychological safety per team, cohort, org unit
   * or tenant, with risk flags; fresh as of the last ingestion, private by default.
   */
  PulseAggregator pulse();

  /**
   * Champion discovery: ranked, explained champions and connectors, raw graph metrics, and
   * collaborator recommendations, all reflecting every event ingested before the call.
   */
  ChampionDiscovery champions();

  /**
   * Notifications of the calling principal: live stream with replay, inbox, engagement marks and
   * preferences. Messages come from a transactional outbox delivered by a relay that {@link
   * #start()} starts and {@link #close()} stops.
   */
  Notifier notifier();

  /**
   * Replays of kept results (the HTTP API's {@code Idempotency-Key}): each hand-out of a kept
   * result passes the tenant, role and consent checks again and writes its own provenance entry.
   */
  Replays replays();

  /**
   * Backup and restore of the store's tenants: the operator's tools, which act on the store rather
   * than as a tenant's principal (no HTTP route reaches them). See {@link Backups}.
   */
  Backups backups();

  /**
   * Whether the store answers within {@code timeout}, for a readiness probe: false before {@link
   * #start()}, after {@link #close()}, and while the store fails, hangs or stays locked. Returns
   * within about {@code timeout}, never throws, and does not pile up waiting threads when called
   * again while the store hangs.
   *
   * @param timeout how long to wait for the store; a second or two
   */
  boolean isReady(Duration timeout);

  /** Releases the store and every other resource. Idempotent. */
  @Override
  void close();
}
