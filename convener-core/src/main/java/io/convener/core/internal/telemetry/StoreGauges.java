package io.convener.core.internal.telemetry;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.OutboxUpkeepStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the store, the same on every node: {@code convener.outbox.backlog} (messages not
 * yet done, over all tenants) and {@code convener.outbox.oldest_age} (seconds since the oldest of
 * them was created; 0 when none). Read at most once per {@link #REFRESH} however often the exporter
 * collects, so that a scrape never walks the tenants more often; a store failure leaves the last
 * figures. Thread-safe.
 */
final class StoreGauges {
  static final Duration REFRESH = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);
  private static final int PAGE = 100;

  private final NotificationStore notifications;
  private final OutboxUpkeepStore outbox;
  private final Clock clock = Clock.systemUTC();
  private Instant readAt = Instant.MIN;
  private long backlog;
  private long oldestAgeSeconds;

  @Inject
  StoreGauges(NotificationStore notifications, OutboxUpkeepStore outbox, Telemetry telemetry) {
    this.notifications = requireNonNull(notifications, "notifications");
    this.outbox = requireNonNull(outbox, "outbox");
    telemetry.meter().gaugeBuilder("convener.outbox.backlog").ofLongs().setUnit("{message}")
        .setDescription("Notifications not yet delivered or given up, over all tenants")
        .buildWithCallback(m -> m.record(figures()[0]));
    telemetry.meter().gaugeBuilder("convener.outbox.oldest_age").ofLongs().setUnit("s")
        .setDescription("Age of the oldest notification not yet delivered or given up (0 when none)")
        .buildWithCallback(m -> m.record(figures()[1]));
  }

  /** The backlog and the oldest age, read again when older than {@link #REFRESH}. */
  synchronized long[] figures() {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).compareTo(REFRESH) >= 0) {
      try {
        read(now);
        readAt = now;
      } catch (RuntimeException e) {
        // A store that fails or is closed leaves the last figures: a gauge never throws into the exporter.
        LOG.debug("could not read the outbox backlog: {}", e.getMessage());
      }
    }
    return new long[] {backlog, oldestAgeSeconds};
  }

  private void read(Instant now) {
    long count = 0;
    @Nullable Instant oldest = null;
    TenantId cursor = NotificationStore.FIRST;
    boolean first = true;
    while (true) {
      List<TenantId> page = notifications.pendingTenants(cursor, PAGE);
      for (TenantId tenant : page) {
        if (!first && tenant.equals(cursor)) {
          continue;
        }
        OutboxUpkeepStore.Backlog b = outbox.backlog(tenant);
        count += b.messages();
        if (b.oldest().isPresent() && (oldest == null || b.oldest().get().isBefore(oldest))) {
          oldest = b.oldest().get();
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      cursor = page.get(page.size() - 1);
      first = false;
    }
    backlog = count;
    oldestAgeSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
  }
}
