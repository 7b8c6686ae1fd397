package io.convener.core.internal.schedule;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.core.ScheduleSettings;
import io.convener.spi.storage.IdempotencyStore;
import io.convener.spi.storage.OutboxUpkeepStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #NAME}: deletes a tenant's expired idempotency keys, and its outbox messages that are
 * done and older than {@link ScheduleSettings#outboxRetention()} (each recipient's newest stays).
 * Both deletions are conditions on the rows, so a repeated run deletes nothing more.
 */
final class PurgeJob implements ScheduledJob {
  static final String NAME = "purge";
  private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);

  private final IdempotencyStore keys;
  private final OutboxUpkeepStore outbox;
  private final ScheduleSettings settings;

  @Inject
  PurgeJob(IdempotencyStore keys, OutboxUpkeepStore outbox, ScheduleSettings settings) {
    this.keys = requireNonNull(keys, "keys");
    this.outbox = requireNonNull(outbox, "outbox");
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings s) {
    return s.purge();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    long expired = keys.purgeExpired(tenant, now);
    long done = outbox.purgeDone(tenant, now.minus(settings.outboxRetention()));
    LOG.debug("purged {} expired idempotency keys and {} done notifications of tenant {}", expired, done,
        tenant.value());
  }
}
