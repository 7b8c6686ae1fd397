package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.internal.feed.IngestListener;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.pulse.SentimentAnalyzer;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.MembershipPeriod;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.spi.storage.PulseDigestStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tenant's {@link TenantRollup}, kept current by the ingest feed and loaded from the store on
 * first use (and after {@link #invalidate} or eviction): from the persisted day digests and the
 * changes after them where the storage keeps digests ({@link PersistedDigests}, which the feed's
 * batches are also written to), else by scanning the events. Rollups share the {@link
 * PulseMemory} budget: past it, the least recently used tenants' rollups are dropped. A rollup holds the events from its horizon on (the
 * earliest instant a read needed, less {@link #SLACK} to spare rebuilds for slightly older
 * questions), plus every event the feed told it since; a read that needs older history rebuilds
 * it from an earlier horizon. While a rollup is built, the feed's batches wait beside it (and
 * still reach the rollup being replaced) and are applied once the scan is done, except those the
 * scan already saw. Reads run under the tenant's monitor, so they see every batch the feed told
 * before them. Thread-safe.
 */
@Singleton
final class Rollups implements IngestListener {
  private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);

  private final MemberStore members;
  private final EventStore events;
  private final SentimentAnalyzer analyzer;
  /** How much history a rollup keeps beyond what the read that built it needed: 56 days. */
  static final long SLACK = 56 * TenantRollup.DAY_MILLIS;
  /** 1700-01-01: stores keep instants as 64-bit nanoseconds since 1970, so nothing is older. */
  private static final long EARLIEST = Instant.parse("1700-01-01T00:00:00Z").toEpochMilli();

  private final Optional<PersistedDigests> digests;
  private final Optional<MembershipHistoryStore> history;
  private final Cache<TenantId, Holder> holders;

  /** One tenant's rollup; its monitor guards every field and the rollup itself. */
  private static final class Holder {
    final ReentrantLock building = new ReentrantLock();
    @Nullable TenantRollup rollup;
    /** The earliest epoch millisecond the rollup holds every event from. */
    long horizon = Long.MAX_VALUE;
    @Nullable List<Entry> pendingEvents;
    @Nullable List<List<Member>> pendingMembers;
    /** What the rollup weighs against the budget: its events and members. */
    volatile int weight;
    /** Counts member upserts told; the history is read again when it passed {@link #historyRead}. */
    final AtomicLong historyTold = new AtomicLong();
    /** The count of {@link #historyTold} the rollup's history was read at. */
    volatile long historyRead;

    void weigh() {
      TenantRollup r = rollup;
      weight = r == null ? 0 : (int) Math.min(Integer.MAX_VALUE, r.events() + r.members().size());
    }
  }

  /** Rollups built by scanning the events, without persisted digests; for tests. */
  Rollups(MemberStore members, EventStore events, SentimentAnalyzer analyzer) {
    this(members, events, analyzer, Optional.empty(), Optional.empty(), Optional.empty(), PulseMemory.DEFAULT,
        IngestFeed::none);
  }

  /** A provider: the feed is made with its listeners, this one among them. */
  private final Provider<IngestFeed> feed;

  @Inject
  Rollups(MemberStore members, EventStore events, SentimentAnalyzer analyzer, Optional<PulseDigestStore> digests,
      Optional<ChangeStore> changes, Optional<MembershipHistoryStore> history, PulseMemory memory,
      Provider<IngestFeed> feed) {
    this.feed = requireNonNull(feed, "feed");
    this.history = requireNonNull(history, "history");
    this.members = requireNonNull(members, "members");
    this.events = requireNonNull(events, "events");
    this.analyzer = requireNonNull(analyzer, "analyzer");
    this.digests = digests.isPresent() && changes.isPresent()
        ? Optional.of(new PersistedDigests(digests.get(), changes.get(), events, this::entry))
        : Optional.empty();
    this.holders = Caffeine.newBuilder()
        .recordStats()
        .maximumWeight(memory.rollupEvents())
        .<TenantId, Holder>weigher((t, h) -> h.weight)
        .executor(Runnable::run)
        .build();
  }

  /** Reports this cache's hits and misses ({@link CacheStats#PULSE_ROLLUPS}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.PULSE_ROLLUPS, holders);
  }

  /**
   * Runs {@code read} on the tenant's current rollup, under its monitor; builds the rollup from the
   * store first when there is none, or when it does not reach back to {@code needFrom}.
   *
   * @param needFrom the earliest epoch millisecond the read looks at
   * @throws io.convener.api.StorageException when the rollup has to be built and the store fails
   */
  <R> R read(TenantId tenant, long needFrom, Function<TenantRollup, R> read) {
    // Catches the feed up with other processes on the same store (and gives a tenant not built yet
    // its position before the build, so that what commits during the build reaches the build).
    feed.get().sync(tenant);
    Holder h = holders.get(tenant, t -> new Holder());
    refreshHistory(tenant, h);
    synchronized (h) {
      if (h.rollup != null && h.horizon <= needFrom) {
        return read.apply(h.rollup);
      }
    }
    h.building.lock();
    try {
      synchronized (h) {
        if (h.rollup != null && h.horizon <= needFrom) {
          return read.apply(h.rollup);
        }
        h.pendingEvents = new ArrayList<>();
        h.pendingMembers = new ArrayList<>();
      }
      long horizon = Math.floorDiv(Math.max(EARLIEST, needFrom - SLACK), TenantRollup.DAY_MILLIS) * TenantRollup.DAY_MILLIS;
      TenantRollup built = new TenantRollup();
      IdHashes scanned = new IdHashes();
      try {
        loadFromStore(tenant, horizon, built, scanned);
        // What other processes committed during the load joins the pending batches, deduped below.
        feed.get().sync(tenant);
      } catch (RuntimeException e) {
        synchronized (h) {
          h.pendingEvents = null;
          h.pendingMembers = null;
        }
        throw e;
      }
      R result;
      synchronized (h) {
        requireNonNull(h.pendingMembers).forEach(built::upsert);
        for (Entry e : requireNonNull(h.pendingEvents)) {
          if (!scanned.contains(e.id())) {
            built.apply(e);
          }
        }
        h.pendingEvents = null;
        h.pendingMembers = null;
        h.rollup = built;
        h.horizon = horizon;
        h.weigh();
        result = read.apply(built);
      }
      holders.asMap().replace(tenant, h, h);
      return result;
    } finally {
      h.building.unlock();
    }
  }

  /**
   * Reads the tenant's membership history again when members were upserted since the rollup's
   * history was read (by this process or, told through the feed, another one): the store applied
   * each upsert's {@code validFrom} to the history in the upsert's transaction, so reading it back
   * is the one way every node agrees on it.
   */
  private void refreshHistory(TenantId tenant, Holder h) {
    long told = h.historyTold.get();
    if (history.isEmpty() || told == h.historyRead) {
      return;
    }
    List<MembershipPeriod> periods = history.get().periods(tenant);
    synchronized (h) {
      // A concurrent read that started later may have installed a newer history already.
      if (told >= h.historyRead) {
        if (h.rollup != null) {
          h.rollup.history(periods);
        }
        h.historyRead = told;
      }
    }
  }

  /**
   * Loads into {@code built} the tenant's members and every event from {@code horizon} on, adding
   * each event's id to {@code scanned}, and marks whether the tenant has older events.
   */
  private void loadFromStore(TenantId tenant, long horizon, TenantRollup built, IdHashes scanned) {
    built.upsert(members.listPseudonymous(tenant));
    history.ifPresent(store -> built.history(store.periods(tenant)));
    Consumer<Entry> apply = e -> {
      scanned.add(e.id());
      built.apply(e);
    };
    if (digests.isPresent()) {
      if (digests.get().load(tenant, horizon, apply)) {
        built.historyBefore(horizon);
      }
      return;
    }
    Instant from = Instant.ofEpochMilli(horizon);
    events.scan(tenant, new EventQuery(Optional.of(from), Optional.empty(), Set.of(), Optional.empty()),
        e -> apply.accept(entry(tenant, e)));
    if (events.count(tenant, new EventQuery(Optional.empty(), Optional.of(from), Set.of(), Optional.empty())) > 0) {
      built.historyBefore(horizon);
    }
  }

  /** What the rollups held now weigh together (events and members), after pending evictions. */
  long held() {
    holders.cleanUp();
    return holders.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Drops the tenant's rollup; the next read rebuilds it from the store. */
  void invalidate(TenantId tenant) {
    Holder h = holders.getIfPresent(tenant);
    if (h != null) {
      synchronized (h) {
        h.rollup = null;
        h.horizon = Long.MAX_VALUE;
        h.weigh();
      }
      holders.asMap().replace(tenant, h, h);
    }
  }

  @Override
  public void membersUpserted(TenantId tenant, List<Member> batch) {
    Holder h = holders.getIfPresent(tenant);
    if (h == null) {
      return;
    }
    h.historyTold.incrementAndGet();
    synchronized (h) {
      if (h.pendingMembers != null) {
        h.pendingMembers.add(List.copyOf(batch));
      }
      if (h.rollup != null) {
        try {
          h.rollup.upsert(batch);
        } catch (RuntimeException e) {
          LOG.error("pulse rollup of tenant {} dropped: {} members could not be applied", tenant.value(), batch.size(), e);
          h.rollup = null;
        }
      }
    }
  }

  @Override
  public void eventsStored(TenantId tenant, List<Event> batch) {
    Holder h = holders.getIfPresent(tenant);
    if (h == null && digests.isEmpty()) {
      return;
    }
    List<Entry> entries = new ArrayList<>(batch.size());
    for (Event e : batch) {
      entries.add(entry(tenant, e));
    }
    digests.ifPresent(d -> d.stored(tenant, batch, entries));
    if (h == null) {
      return;
    }
    synchronized (h) {
      if (h.pendingEvents != null) {
        h.pendingEvents.addAll(entries);
      }
      if (h.rollup != null) {
        try {
          entries.forEach(h.rollup::apply);
        } catch (RuntimeException e) {
          LOG.error("pulse rollup of tenant {} dropped: {} events could not be applied", tenant.value(), batch.size(), e);
          h.rollup = null;
        }
      }
      h.weigh();
    }
    holders.asMap().replace(tenant, h, h);
  }

  /** The event's entry, with the sentiment it counts with. */
  private Entry entry(TenantId tenant, Event e) {
    return Entry.of(e, sentiment(tenant, e));
  }

  /** The event's own sentiment, else the analyzer's (when it gives a valid one), for activity events. */
  private OptionalDouble sentiment(TenantId tenant, Event e) {
    if (e.sentiment().isPresent() || e.kind() == EventKind.SURVEY || e.kind() == EventKind.CONSENT) {
      return e.sentiment();
    }
    try {
      OptionalDouble s = analyzer.sentiment(tenant, e);
      return s.isPresent() && s.getAsDouble() >= -1 && s.getAsDouble() <= 1 ? s : OptionalDouble.empty();
    } catch (RuntimeException ex) {
      LOG.warn("sentiment analyzer {} failed on an event of tenant {}", analyzer, tenant.value(), ex);
      return OptionalDouble.empty();
    }
  }
}
