package io.convener.core.internal.feed;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.storage.ChangeStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the {@link IngestFeed} follows fresh between requests: every {@link #INTERVAL} it reads
 * the change counters of the tenants the feed follows (one query per few hundred tenants) and syncs
 * those that another process moved. A request syncs its tenant anyway; this bounds how stale the
 * in-memory state of a tenant nobody asks about can get. Starts its one daemon thread with the first
 * tenant followed; a failed poll is logged and the next one runs. Thread-safe.
 */
final class ChangePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangePoller.class);
  /** How often the counters are read. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final IngestFeed feed;
  private @Nullable ScheduledExecutorService timer;
  private boolean closed;
  private long failures;

  ChangePoller(IngestFeed feed) {
    this.feed = requireNonNull(feed, "feed");
  }

  /** Starts polling, if not yet started, now that the feed follows {@code tenant}. */
  synchronized void follow(TenantId tenant) {
    if (timer != null || closed) {
      return;
    }
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "convener-change-poller");
      thread.setDaemon(true);
      return thread;
    });
    t.scheduleWithFixedDelay(this::poll, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    timer = t;
  }

  /** One round: the counters of the followed tenants, and a sync of each that moved. */
  void poll() {
    ChangeStore store = feed.changes();
    if (store == null) {
      return;
    }
    try {
      Map<TenantId, Long> positions = feed.positions();
      Map<TenantId, Long> now = store.current(positions.keySet());
      for (Map.Entry<TenantId, Long> e : now.entrySet()) {
        Long at = positions.get(e.getKey());
        if (at != null && e.getValue() > at) {
          feed.sync(e.getKey());
        }
      }
      failures = 0;
    } catch (RuntimeException e) {
      // Every failure of a run is logged once, then every hundredth (a store down for minutes).
      if (failures++ % 100 == 0) {
        LOG.warn("could not read the change counters of other nodes ({} failed polls in a row)", failures, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdown();
      timer = null;
    }
  }
}
