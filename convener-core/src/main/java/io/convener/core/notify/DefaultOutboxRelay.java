package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.NotificationPreferences;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.OutboxSignal;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.spi.notify.NotificationChannel;
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
import java.util.Set;
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
 * drain per tenant at a time. The gate wakes it after each commit ({@link OutboxSignal}); besides,
 * the background thread polls every {@link NotifySettings#pollInterval()} for retries and held
 * messages of every tenant with pending rows ({@link NotificationStore#pendingTenants}), which is
 * also how rows committed before a crash are found after the restart. The thread is started by
 * {@link #start()} (from {@code Convener.start()}), never by Guice. Thread-safe.
 */
final class DefaultOutboxRelay implements OutboxRelay, OutboxSignal {
  /** Put on the queue of woken tenants by {@link #close} so that the relay sees it should stop. */
  private static final TenantId WAKE = TenantId.of("convener-relay-stop");

  static final int PAGE = 200;
  static final int MAX_PAGES = 50;
  private static final Logger LOG = LoggerFactory.getLogger(DefaultOutboxRelay.class);

  private final NotificationStore store;
  private final ProvenanceRecorder recorder;
  private final Deliverer deliverer;
  private final List<NotificationChannel> channels;
  private final Clock clock;
  private final NotifySettings settings;
  private final Map<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<TenantId> woken = new LinkedBlockingQueue<>();
  private @Nullable Thread thread;
  private volatile boolean running;

  @Inject
  DefaultOutboxRelay(NotificationStore store, ProvenanceRecorder recorder, ConsentEngine consent, NotificationHub hub,
      Set<NotificationChannel> channels, @NotifyClock Clock clock, NotifySettings settings) {
    this.store = requireNonNull(store, "store");
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
        List<StoredNotification> due = store.due(tenant, now, PAGE);
        Map<MemberId, NotificationPreferences> prefs = new HashMap<>();
        StatusLog log = new StatusLog();
        try {
          for (StoredNotification m : due) {
            NotificationPreferences p = prefs.computeIfAbsent(m.recipient(),
                r -> store.preferences(tenant, r).orElseGet(NotificationPreferences::defaults));
            tried += deliverer.deliver(tenant, m, channels, p, now, log);
          }
        } finally {
          log.flush(recorder, tenant);
        }
        if (due.size() < PAGE) {
          break;
        }
      }
      return tried;
    } finally {
      lock.unlock();
    }
  }
}
