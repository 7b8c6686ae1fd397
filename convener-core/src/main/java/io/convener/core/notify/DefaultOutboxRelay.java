package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.NotificationPreferences;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.OutboxSignal;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.notify.NotificationChannel;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.LeasedNotification;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.StoredNotification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: drains a tenant's due outbox rows through the {@link Deliverer}, page by page, one
 * drain per tenant at a time in this process. The gate wakes it after each commit ({@link
 * OutboxSignal}); besides, the background thread polls every {@link NotifySettings#pollInterval()}
 * for retries and held messages of every tenant with pending rows ({@link
 * NotificationStore#pendingTenants}), which is also how rows committed before a crash are found
 * after the restart, and how rows a dead node had claimed are found once their lease expired.
 *
 * <p>Several nodes may relay one database: each page is claimed ({@link NotificationStore#claim})
 * for this relay's id for {@link NotifySettings#lease()}, and each message released once
 * delivered. A page whose delivery runs past half the lease is cut short and its rest released, so
 * that a lease never ends while this relay still works on it. After a page that put messages in
 * the inbox, the relay signals {@value #TOPIC} ({@link ChangeSignals}), so that other nodes'
 * streams read them at once; the {@link StreamFollower} is what listens. The threads are started
 * by {@link #start()} (from {@code Convener.start()}), never by Guice. Thread-safe.
 */
final class DefaultOutboxRelay implements OutboxRelay, OutboxSignal {
  /** Put on the queue of woken tenants by {@link #close} so that the relay sees it should stop. */
  private static final TenantId WAKE = TenantId.of("convener-relay-stop");

  /** The {@link ChangeSignals} topic of messages that reached the inbox. */
  static final String TOPIC = "outbox";
  static final int PAGE = 200;
  static final int MAX_PAGES = 50;
  private static final Logger LOG = LoggerFactory.getLogger(DefaultOutboxRelay.class);

  private final NotificationStore store;
  private final ProvenanceRecorder recorder;
  private final Deliverer deliverer;
  private final List<NotificationChannel> channels;
  private final Clock clock;
  private final NotifySettings settings;
  private final ChangeSignals signals;
  private final StreamFollower follower;
  /** This relay's lease owner: unique per relay, so a restarted node does not take its old leases for its own. */
  private final String owner = "relay-" + UUID.randomUUID();
  private final Map<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<TenantId> woken = new LinkedBlockingQueue<>();
  private @Nullable Thread thread;
  private volatile boolean running;
  private final Telemetry telemetry;

  @Inject
  DefaultOutboxRelay(NotificationStore store, ProvenanceRecorder recorder, ConsentEngine consent, NotificationHub hub,
      Set<NotificationChannel> channels, @NotifyClock Clock clock, NotifySettings settings,
      Optional<ChangeSignals> signals, Telemetry telemetry) {
    this.store = requireNonNull(store, "store");
    this.telemetry = requireNonNull(telemetry, "telemetry");
    telemetry.meter().gaugeBuilder("convener.streams.live").ofLongs().setUnit("{stream}")
        .setDescription("Notification streams open on this node").buildWithCallback(m -> m.record(hub.openCount()));
    this.signals = signals.orElseGet(ChangeSignals::none);
    this.follower = new StreamFollower(store, hub, this.signals);
    this.recorder = requireNonNull(recorder, "recorder");
    this.clock = requireNonNull(clock, "clock");
    this.settings = requireNonNull(settings, "settings");
    this.deliverer = new Deliverer(store, consent, hub, settings, () -> ThreadLocalRandom.current().nextDouble());
    List<NotificationChannel> sorted = new ArrayList<>(channels);
    sorted.sort(Comparator.comparing(NotificationChannel::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("two notification channels are named '" + sorted.get(i).name() + "'");
      }
    }
    if (sorted.stream().anyMatch(c -> c.name().equals(Deliverer.STREAM))) {
      throw new IllegalArgumentException("the channel name '" + Deliverer.STREAM + "' is Convener's own");
    }
    this.channels = List.copyOf(sorted);
  }

  @Override
  public void committed(TenantId tenant) {
    if (running) {
      woken.offer(tenant);
    }
  }

  @Override
  public synchronized void start() {
    // The follower runs even when this node does not relay: its streams show what other nodes relay.
    follower.start();
    if (thread != null || !settings.background()) {
      return;
    }
    running = true;
    Thread t = new Thread(this::run, "convener-notify-relay");
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
    }
    follower.close();
    if (t != null) {
      // Woken, not interrupted: an interrupt that lands inside an H2 file read closes the
      // database's file channel for every connection (FileChannel closes on interrupt).
      woken.offer(WAKE);
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long pollNanos = settings.pollInterval().toNanos();
    long nextPoll = System.nanoTime();
    while (running) {
      try {
        if (System.nanoTime() - nextPoll >= 0) {
          pollAll();
          nextPoll = System.nanoTime() + pollNanos;
        }
        TenantId tenant = woken.poll(Math.max(1, nextPoll - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (tenant != null && running) {
          drainQuietly(tenant);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("the notification relay failed a round: {}", e.getClass().getName());
      }
    }
  }

  private void pollAll() {
    TenantId from = NotificationStore.FIRST;
    while (running) {
      List<TenantId> tenants = store.pendingTenants(from, PAGE);
      for (TenantId tenant : tenants) {
        drainQuietly(tenant);
      }
      if (tenants.size() < PAGE) {
        return;
      }
      from = tenants.get(tenants.size() - 1);
      if (tenants.get(0).equals(from)) {
        return;
      }
    }
  }

  private void drainQuietly(TenantId tenant) {
    try {
      drain(tenant);
    } catch (RuntimeException e) {
      LOG.warn("the notification relay could not drain tenant '{}': {}", tenant, e.getClass().getName());
    }
  }

  @Override
  public int drain(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    ReentrantLock lock = locks.computeIfAbsent(tenant, t -> new ReentrantLock());
    lock.lock();
    try {
      int tried = 0;
      for (int page = 0; page < MAX_PAGES; page++) {
        Instant now = clock.instant();
        List<LeasedNotification> claimed = store.claim(tenant, owner, now, settings.lease(), PAGE);
        tried += deliver(tenant, claimed, now);
        if (claimed.size() < PAGE) {
          break;
        }
      }
      return tried;
    } finally {
      lock.unlock();
    }
  }

  /** Delivers and releases claimed messages while half the lease is left; releases the rest. */
  private int deliver(TenantId tenant, List<LeasedNotification> claimed, Instant now) {
    long cutOff = System.nanoTime() + settings.lease().toNanos() / 2;
    Map<MemberId, NotificationPreferences> prefs = new HashMap<>();
    StatusLog log = new StatusLog();
    int tried = 0;
    int next = 0;
    try {
      for (; next < claimed.size() && System.nanoTime() - cutOff < 0; next++) {
        LeasedNotification leased = claimed.get(next);
        StoredNotification m = leased.message();
        NotificationPreferences p = prefs.computeIfAbsent(m.recipient(),
            r -> store.preferences(tenant, r).orElseGet(NotificationPreferences::defaults));
        tried += telemetry.inSpan("relay.deliver", () -> deliverer.deliver(tenant, m, channels, p, now, log));
        if (!store.release(tenant, leased)) {
          LOG.warn("a notification lease of tenant '{}' expired during delivery and was claimed again: the"
              + " message may be delivered twice (raise NotifySettings.lease)", tenant);
        }
      }
    } finally {
      for (int i = next; i < claimed.size(); i++) {
        releaseQuietly(tenant, claimed.get(i));
      }
      log.flush(recorder, tenant);
      if (log.streamed()) {
        signalQuietly(tenant);
      }
    }
    return tried;
  }

  private void releaseQuietly(TenantId tenant, LeasedNotification leased) {
    try {
      store.release(tenant, leased);
    } catch (RuntimeException e) {
      LOG.warn("could not release a notification lease of tenant '{}' ({}); it ends by itself",
          tenant, e.getClass().getName());
    }
  }

  private void signalQuietly(TenantId tenant) {
    try {
      signals.signal(TOPIC, tenant);
    } catch (RuntimeException e) {
      LOG.warn("could not signal new inbox messages of tenant '{}' ({}); other nodes poll",
          tenant, e.getClass().getName());
    }
  }
}
