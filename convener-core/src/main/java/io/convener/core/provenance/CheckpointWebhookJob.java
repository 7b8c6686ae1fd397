package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.CheckpointWebhook;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.provenance.SigningKey;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.spi.storage.CheckpointWebhookRow;
import io.convener.spi.storage.CheckpointWebhookStore;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #NAME}: delivers each checkpoint the tenant kept after a webhook's cursor to the webhook,
 * in feed order, as a signed JSON POST ({@link CheckpointPost}). Runs every scheduler tick per
 * tenant on one node at a time (the lease), so one node delivers each checkpoint. The cursor moves
 * past a checkpoint only on a 2xx answer; any other answer, a timeout or an I/O error counts a
 * failure and delays the webhook's next attempt by 30 s doubled per failure in a row, at most 1 h.
 * A node that dies between the receiver's 2xx and the stored cursor delivers that checkpoint again:
 * receivers drop repeats by the {@code X-Convener-Id} header.
 */
final class CheckpointWebhookJob implements ScheduledJob {
  /** The job's name, also in its lease rows. */
  static final String NAME = "provenance.webhooks";
  /** The most checkpoints one webhook is sent in one run. */
  static final int BATCH = 100;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWebhookJob.class);

  private final CheckpointWebhookStore hooks;
  private final ProvenanceStore log;
  private final CheckpointKeys keys;
  private final WebhookSecrets secrets;
  private final CheckpointPost post;

  @Inject
  CheckpointWebhookJob(CheckpointWebhookStore hooks, ProvenanceStore log, CheckpointKeys keys, WebhookSecrets secrets,
      CheckpointPost post) {
    this.hooks = requireNonNull(hooks, "hooks");
    this.log = requireNonNull(log, "log");
    this.keys = requireNonNull(keys, "keys");
    this.secrets = requireNonNull(secrets, "secrets");
    this.post = requireNonNull(post, "post");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return settings.tick();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    for (CheckpointWebhookRow row : hooks.list(tenant)) {
      if (!row.hook().nextAttemptAt().isAfter(now)) {
        deliver(tenant, row, now);
      }
    }
  }

  /** Sends the webhook the checkpoints after its cursor until one fails or none is left. */
  private void deliver(TenantId tenant, CheckpointWebhookRow row, Instant now) {
    CheckpointWebhook hook = row.hook();
    List<Checkpoint> due = log.checkpointsAfter(tenant, hook.delivered(), BATCH);
    if (due.isEmpty()) {
      return;
    }
    String secret = secrets.open(tenant, hook.id(), row.sealedSecret());
    SigningKey key = keys.signingKey(tenant);
    String verifierKey = CheckpointSigner.verifierKey(key.name(),
        key.keys().getPublic());
    for (Checkpoint checkpoint : due) {
      String failure = post.send(hook, secret, checkpoint, verifierKey);
      if (failure != null) {
        int failures = hook.failures() + 1;
        Instant next = now.plus(backoff(failures));
        LOG.warn("checkpoint webhook {} of tenant {} failed ({}), attempt {} in a row; next at {}", hook.id(),
            tenant.value(), failure, failures, next);
        hooks.record(tenant, hook.id(), hook.delivered(), failures, next);
        return;
      }
      CheckpointCursor delivered = CheckpointCursor.of(checkpoint);
      if (!hooks.record(tenant, hook.id(), delivered, 0, now)) {
        return;
      }
      hook = row.withDelivery(delivered, 0, now).hook();
    }
  }

  /** 30 s, doubled per failure in a row, at most 1 h. */
  static Duration backoff(int failures) {
    int doublings = Math.min(failures - 1, 20);
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
