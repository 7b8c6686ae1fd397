package io.convener.core.internal.feed;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.storage.ChangeSignals;
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
 * the change counter of each tenant the feed follows (one primary-key read each) and syncs
 * those that another process moved. A request syncs its tenant anyway; this bounds how stale the
 * in-memory state of a tenant nobody asks about can get. On PostgreSQL the {@code tenant} signal of
 * {@link ChangeSignals} (a {@code NOTIFY} at each commit) wakes it for the signalled tenant at once,
 * and the poll, every {@link #PUSHED_INTERVAL} there, is the fallback for a lost signal. Starts its one daemon thread with the first
 * tenant followed; a failed poll is logged and the next one runs. Thread-safe.
 */
final class ChangePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangePoller.class);
  /** How often the counters are read where the store cannot push signals (SQLite, H2). */
  static final Duration INTERVAL = Duration.ofMillis(500);
  /** How often they are read where a signal wakes the poller anyway: only for a lost signal. */
  static final Duration PUSHED_INTERVAL = Duration.ofSeconds(5);

  /** The topic every write of a tenant's events or members signals (see the JDBC store). */
  static final String TOPIC = "tenant";

  private final IngestFeed feed;
  private final ChangeSignals signals;
  private @Nullable ScheduledExecutorService timer;
  private ChangeSignals.@Nullable Subscription subscription;
  private boolean closed;
  private long failures;

  ChangePoller(IngestFeed feed, ChangeSignals signals) {
    this.feed = requireNonNull(feed, "feed");
    this.signals = requireNonNull(signals, "signals");
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
    long every = (signals.pushes() ? PUSHED_INTERVAL : INTERVAL).toMillis();
    t.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    timer = t;
    // Where the store pushes signals, another node's commit wakes this one at once; the signal
    // only says which tenant to sync, on the poller's thread (the signals' thread must not wait).
    subscription = signals.subscribe(TOPIC, new ChangeSignals.Listener() {
      @Override
      public void accept(TenantId signalled) {
        if (feed.position(signalled) >= 0) {
          run(() -> feed.sync(signalled));
        }
      }

      @Override
      public void resync() {
        run(ChangePoller.this::poll);
      }
    });
  }

  /** Runs {@code work} on the poller's thread, logging what it throws; nothing once closed. */
  private synchronized void run(Runnable work) {
    if (timer == null) {
      return;
    }
    timer.execute(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.warn("could not catch up with another node's change", e);
      }
    });
  }

  /** One round: the counters of the followed tenants, and a sync of each that moved. */
  void poll() {
    ChangeStore store = feed.changes();
    if (store == null) {
      return;
    }
    try {
      for (Map.Entry<TenantId, Long> e : feed.positions().entrySet()) {
        if (store.current(e.getKey()) > e.getValue()) {
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
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    if (timer != null) {
      timer.shutdown();
      timer = null;
    }
  }
}
