package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.core.notify.NotificationHub.Recipient;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.StoredNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the open stream subscriptions of this node up to date with what any node put in the
 * inbox: for each recipient with a subscription, reads the inbox after the lowest sequence its
 * subscriptions passed on and hands each message to them; a subscription drops what it has passed
 * on already, so a message reaches it once and in sequence order, whether it came from this node's
 * relay, from this follower, or from both.
 *
 * <p>It reads a tenant's recipients when another node's relay signals {@value
 * DefaultOutboxRelay#TOPIC} for the tenant ({@link ChangeSignals}, on PostgreSQL), all recipients
 * when the signals were interrupted, and besides polls all of them every {@link #POLL} where the
 * store does not push signals (SQLite, H2) and every {@link #POLL_PUSHED} where it does, in case a
 * signal was lost. Only recipients with open subscriptions cost a read. Started and stopped by the
 * relay; one thread. Thread-safe.
 */
final class StreamFollower implements AutoCloseable {
  /** How often every followed recipient is read where signals do not push. */
  static final Duration POLL = Duration.ofMillis(250);
  /** How often every followed recipient is read where signals push: a safety net only. */
  static final Duration POLL_PUSHED = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);
  /** Queued by a resync and by {@link #close}: read every recipient (or stop). */
  private static final Optional<TenantId> ALL = Optional.empty();

  private final NotificationStore store;
  private final NotificationHub hub;
  private final ChangeSignals signals;
  private final LinkedBlockingQueue<Optional<TenantId>> woken = new LinkedBlockingQueue<>();
  private @Nullable Thread thread;
  private ChangeSignals.@Nullable Subscription subscription;
  private volatile boolean running;

  StreamFollower(NotificationStore store, NotificationHub hub, ChangeSignals signals) {
    this.store = requireNonNull(store, "store");
    this.hub = requireNonNull(hub, "hub");
    this.signals = requireNonNull(signals, "signals");
  }

  /**
   * Subscribes to the signals and starts the thread; idempotent. Does nothing on a store no other
   * process shares ({@link ChangeSignals#sharedByOtherProcesses()}): this node's relay hands its
   * streams every message, and reading each open stream's inbox four times a second would only
   * cost (at 1,000 streams it added about 40 ms to the median push).
   */
  synchronized void start() {
    if (thread != null || !signals.sharedByOtherProcesses()) {
      return;
    }
    running = true;
    subscription = signals.subscribe(DefaultOutboxRelay.TOPIC, new ChangeSignals.Listener() {
      @Override
      public void accept(TenantId tenant) {
        woken.offer(Optional.of(tenant));
      }

      @Override
      public void resync() {
        woken.offer(ALL);
      }
    });
    Thread t = new Thread(this::run, "convener-stream-follower");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = thread;
      thread = null;
      running = false;
      if (subscription != null) {
        subscription.close();
        subscription = null;
      }
    }
    if (t != null) {
      woken.offer(ALL); // woken, not interrupted: see DefaultOutboxRelay#close
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long pollNanos = (signals.pushes() ? POLL_PUSHED : POLL).toNanos();
    long nextPoll = System.nanoTime() + pollNanos;
    while (running) {
      try {
        Optional<TenantId> next = woken.poll(Math.max(1, nextPoll - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!running) {
          return;
        }
        if (next == null || next.isEmpty()) {
          follow(null);
          nextPoll = System.nanoTime() + pollNanos;
        } else {
          follow(next.get());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("the stream follower failed a round: {}", e.getClass().getName());
      }
    }
  }

  /** Catches up the recipients of one tenant, or of every tenant when {@code tenant} is null. */
  void follow(@Nullable TenantId tenant) {
    for (Map.Entry<Recipient, List<HubSubscription>> e : hub.snapshot().entrySet()) {
      Recipient r = e.getKey();
      if (tenant == null || r.tenant().equals(tenant)) {
        try {
          catchUp(r, e.getValue());
        } catch (RuntimeException failure) {
          LOG.warn("the stream follower could not read an inbox of tenant '{}': {}", r.tenant(),
              failure.getClass().getName());
        }
      }
    }
  }

  private void catchUp(Recipient r, List<HubSubscription> subs) {
    long after = subs.stream().mapToLong(HubSubscription::last).min().orElse(Long.MAX_VALUE);
    List<StoredNotification> page;
    do {
      page = store.inbox(r.tenant(), r.member(), after, DefaultNotifier.PAGE);
      for (StoredNotification n : page) {
        var message = DefaultNotifier.message(n);
        subs.forEach(s -> s.deliver(message));
        after = n.sequence();
      }
    } while (page.size() == DefaultNotifier.PAGE && running);
  }
}
