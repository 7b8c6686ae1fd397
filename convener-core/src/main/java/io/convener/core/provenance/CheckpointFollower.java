package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.notify.Subscription;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes kept checkpoints to the live followers of a tenant's checkpoint feed ({@link
 * io.convener.api.provenance.ProvenanceLog#followCheckpoints}). The store is the truth: for each
 * tenant with a follower it reads the feed after the earliest position its followers passed and
 * hands each checkpoint to every follower it comes after, so each sees it once and in feed order.
 * It reads a tenant at once when a checkpoint is signed in this process ({@link #kept}) or another
 * node signals {@value #TOPIC} ({@link ChangeSignals}, on PostgreSQL), and besides polls every
 * followed tenant every {@link #POLL} ({@link #POLL_PUSHED} where signals push), for checkpoints
 * other processes keep. All work runs on one daemon thread, started with the first follower and
 * stopped with the last. Thread-safe.
 */
final class CheckpointFollower {
  /** The {@link ChangeSignals} topic of a newly kept checkpoint. */
  static final String TOPIC = "checkpoint";
  /** How often followed tenants are read where signals do not push. */
  static final Duration POLL = Duration.ofSeconds(1);
  /** How often they are read where signals push: a safety net for a lost signal. */
  static final Duration POLL_PUSHED = Duration.ofSeconds(5);
  private static final int PAGE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointFollower.class);

  private final ProvenanceStore store;
  private final ChangeSignals signals;
  private final Map<TenantId, Set<Follower>> followers = new ConcurrentHashMap<>();
  private @Nullable ScheduledExecutorService timer;
  private ChangeSignals.@Nullable Subscription subscription;

  @Inject
  CheckpointFollower(ProvenanceStore store, Optional<ChangeSignals> signals) {
    this.store = requireNonNull(store, "store");
    this.signals = signals.orElseGet(ChangeSignals::none);
  }

  /** One follower: its position, only touched on the follower thread. */
  private final class Follower implements Subscription {
    private final TenantId tenant;
    private final Consumer<Checkpoint> listener;
    private CheckpointCursor last;

    Follower(TenantId tenant, CheckpointCursor after, Consumer<Checkpoint> listener) {
      this.tenant = tenant;
      this.last = after;
      this.listener = listener;
    }

    @Override
    public void close() {
      remove(this);
    }
  }

  /** Follows {@code tenant}'s feed after {@code after}; the replay runs on the follower thread. */
  Subscription follow(TenantId tenant, CheckpointCursor after, Consumer<Checkpoint> listener) {
    Follower f = new Follower(requireNonNull(tenant, "tenant"), requireNonNull(after, "after"),
        requireNonNull(listener, "listener"));
    synchronized (this) {
      followers.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(f);
      start();
    }
    wake(tenant);
    return f;
  }

  /**
   * A checkpoint of {@code tenant} was kept by this process: reads the tenant for this process's
   * followers at once, and signals other nodes (a failed signal only delays them to their poll).
   */
  void kept(TenantId tenant) {
    wake(tenant);
    try {
      signals.signal(TOPIC, tenant);
    } catch (RuntimeException e) {
      LOG.warn("could not signal a new checkpoint of tenant '{}' ({}); other nodes poll", tenant,
          e.getClass().getName());
    }
  }

  private void wake(TenantId tenant) {
    run(() -> catchUp(tenant));
  }

  /** How many followers are open in this process. */
  int followerCount() {
    return followers.values().stream().mapToInt(Set::size).sum();
  }

  private synchronized void start() {
    if (timer != null) {
      return;
    }
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "convener-checkpoint-follower");
      thread.setDaemon(true);
      return thread;
    });
    long every = (signals.pushes() ? POLL_PUSHED : POLL).toMillis();
    t.scheduleWithFixedDelay(() -> followers.keySet().forEach(this::catchUp), every, every, TimeUnit.MILLISECONDS);
    timer = t;
    subscription = signals.subscribe(TOPIC, new ChangeSignals.Listener() {
      @Override
      public void accept(TenantId tenant) {
        if (followers.containsKey(tenant)) {
          wake(tenant);
        }
      }

      @Override
      public void resync() {
        run(() -> followers.keySet().forEach(CheckpointFollower.this::catchUp));
      }
    });
  }

  private synchronized void remove(Follower f) {
    Set<Follower> set = followers.get(f.tenant);
    if (set == null || !set.remove(f)) {
      return;
    }
    if (set.isEmpty()) {
      followers.remove(f.tenant);
    }
    if (followers.isEmpty() && timer != null) {
      if (subscription != null) {
        subscription.close();
        subscription = null;
      }
      timer.shutdown(); // never interrupted: an interrupt inside an H2 read closes its file
      timer = null;
    }
  }

  private synchronized void run(Runnable work) {
    if (timer != null) {
      timer.execute(work);
    }
  }

  /** Hands the tenant's followers every checkpoint they have not seen, page by page. */
  private void catchUp(TenantId tenant) {
    try {
      Set<Follower> set = followers.get(tenant);
      while (set != null && !set.isEmpty()) {
        CheckpointCursor from = set.stream().map(f -> f.last).min(CheckpointCursor::compareTo).orElseThrow();
        List<Checkpoint> page = store.checkpointsAfter(tenant, from, PAGE);
        page.forEach(c -> set.forEach(f -> deliver(f, c)));
        if (page.size() < PAGE) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not read the checkpoint feed of tenant '{}' for its followers ({}); trying again",
          tenant, e.getClass().getName());
    }
  }

  private void deliver(Follower f, Checkpoint c) {
    if (!f.last.precedes(c)) {
      return;
    }
    try {
      f.listener.accept(c);
      f.last = CheckpointCursor.of(c);
    } catch (RuntimeException e) {
      f.close();
    }
  }
}
