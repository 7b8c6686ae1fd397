package io.convener.core.consent;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.convener.api.AccessDeniedException;
import io.convener.api.ConsentChangedException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentFilter;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.telemetry.CacheStats;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.ConsentAppendResult;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent engine over a {@link ConsentStore}, with a Caffeine cache of each tenant's current
 * grants per purpose.
 *
 * <p><b>Cache.</b> An entry holds the grants of one tenant and purpose that were current and
 * unexpired when read, together with the tenant's consent version at that read (read before and
 * after, retried until they agree, so an entry is one consistent state). {@link #check} and {@link
 * #list} answer from the same entry and judge expiry at the current instant, so they always agree.
 * Every change through this engine (grant, revoke, policy, ingested consent) raises a per-tenant
 * floor to the version it committed and drops the tenant's entries; an entry read before the
 * change is below the floor and is read again, so changes made here are seen at once. Changes made
 * by another process on a shared database are picked up by a background refresh {@value
 * #REFRESH_SECONDS} second after an entry was read (one version query; the entry is read again
 * only if the version moved).
 *
 * <p><b>Output filter.</b> {@link #disclose} does not trust the cache alone: it reads the store's
 * version and uses an entry of exactly that version, reading it again if needed, so a disclosure
 * always reflects every change committed before it started, from any process.
 *
 * <p>Thread-safe. Fails closed: a store failure is thrown, never answered with "granted".
 */
final class DefaultConsentEngine implements ConsentEngine, ConsentEventSink {
  static final int REFRESH_SECONDS = 1;
  /** Entries (tenant × purpose) kept; each holds one purpose's grants of one tenant. */
  static final long MAX_ENTRIES = 10_000;
  /** How often a read of an entry, or a disclosure, tries to catch a version that holds still. */
  static final int ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(DefaultConsentEngine.class);

  /** A cache key. */
  private record Key(TenantId tenant, Purpose purpose) {}

  private final ConsentStore store;
  private final EventStore events;
  private final Clock clock;
  private final LoadingCache<Key, PurposeSnapshot> cache;
  /** Per tenant, the lowest version a cached entry may have: the last version committed here. */
  private final ConcurrentMap<TenantId, Long> floors = new ConcurrentHashMap<>();

  @Inject
  DefaultConsentEngine(ConsentStore store, EventStore events) {
    this(store, events, Clock.systemUTC(), ForkJoinPool.commonPool(), Ticker.systemTicker());
  }

  /**
   * @param clock the clock grants are recorded and expiry is judged by
   * @param refreshExecutor where background refreshes of cache entries run
   * @param ticker the time source of the cache's refresh
   */
  DefaultConsentEngine(ConsentStore store, EventStore events, Clock clock, Executor refreshExecutor, Ticker ticker) {
    this.store = requireNonNull(store, "store");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
    this.cache = Caffeine.newBuilder()
        .recordStats()
        .maximumSize(MAX_ENTRIES)
        .refreshAfterWrite(Duration.ofSeconds(REFRESH_SECONDS))
        .executor(requireNonNull(refreshExecutor, "refreshExecutor"))
        .ticker(requireNonNull(ticker, "ticker"))
        .build(new CacheLoader<Key, PurposeSnapshot>() {
          @Override
          public PurposeSnapshot load(Key key) {
            return read(key);
          }

          @Override
          public PurposeSnapshot reload(Key key, PurposeSnapshot old) {
            // Another process may have changed consent: one cheap query says whether it did.
            return old.version() != PurposeSnapshot.UNSTABLE && store.version(key.tenant()) == old.version()
                ? old
                : read(key);
          }
        });
  }

  /** Reports this cache's hits and misses ({@link CacheStats#CONSENT}) where telemetry is bound. */
  @com.google.inject.Inject(optional = true)
  void reportStats(Telemetry telemetry) {
    telemetry.cache(CacheStats.CONSENT, cache);
  }

  // ---- Recording ----------------------------------------------------------------------------

  @Override
  public ConsentRecord grant(
      Principal principal, MemberId subject, Purpose purpose, String noticeVersion, Optional<Instant> expiresAt) {
    requireNonNull(principal, "principal");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    requireNonNull(noticeVersion, "noticeVersion");
    requireNonNull(expiresAt, "expiresAt");
    ConsentMethod method = authorise(principal, subject);
    TenantId tenant = principal.tenant();
    if (!policy(tenant).enables(purpose)) {
      throw new AccessDeniedException("the tenant does not enable the purpose " + purpose);
    }
    Instant now = clock.instant();
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      throw new IllegalArgumentException("expiresAt must be in the future, got " + expiresAt.get());
    }
    ConsentRecord record = newRecord(principal, subject, purpose, ConsentDecision.GRANTED, method, now)
        .noticeVersion(noticeVersion)
        .expiresAt(expiresAt)
        .build();
    append(tenant, List.of(record));
    return record;
  }

  @Override
  public ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose) {
    requireNonNull(principal, "principal");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    ConsentMethod method = authorise(principal, subject);
    ConsentRecord record =
        newRecord(principal, subject, purpose, ConsentDecision.REVOKED, method, clock.instant()).build();
    append(principal.tenant(), List.of(record));
    return record;
  }

  @Override
  public ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy) {
    requireNonNull(principal, "principal");
    requireNonNull(policy, "policy");
    if (!principal.has(Role.ADMIN)) {
      throw new AccessDeniedException("only an admin may set the tenant's consent policy");
    }
    changed(principal.tenant(), store.setPolicy(principal.tenant(), policy));
    return policy;
  }

  @Override
  public void stored(TenantId tenant, List<Event> stored, List<Event> duplicates) {
    requireNonNull(tenant, "tenant");
    List<ConsentRecord> records = new ArrayList<>();
    int skipped = 0;
    for (Event e : stored) {
      Optional<ConsentRecord> record = InterchangeConsent.record(tenant, e);
      record.ifPresent(records::add);
      skipped += record.isEmpty() ? 1 : 0;
    }
    for (Event e : duplicates) {
      // Normally recorded already; if an earlier ingestion stopped in between, record the stored event.
      if (store.find(tenant, InterchangeConsent.recordId(tenant, e.id())).isEmpty()) {
        events.find(tenant, e.id()).flatMap(first -> InterchangeConsent.record(tenant, first)).ifPresent(records::add);
      }
    }
    if (skipped > 0) {
      LOG.warn("{} consent event(s) without a valid purpose or decision were stored but not recorded as consent",
          skipped);
    }
    if (!records.isEmpty()) {
      append(tenant, records);
    }
  }

  private ConsentRecord.Builder newRecord(
      Principal principal, MemberId subject, Purpose purpose, ConsentDecision decision, ConsentMethod method,
      Instant at) {
    return ConsentRecord.builder()
        .id(ConsentRecordId.random())
        .tenant(principal.tenant())
        .subject(subject)
        .purpose(purpose)
        .decision(decision)
        .method(method)
        .recordedBy(principal.subject())
        .at(at);
  }

  /** How the principal may change the subject's consent, or why it may not. */
  private static ConsentMethod authorise(Principal principal, MemberId subject) {
    boolean self = principal.subject().equals(subject.value());
    if (self && principal.has(Role.MEMBER)) {
      return ConsentMethod.API;
    }
    if (principal.has(Role.ADMIN)) {
      return self ? ConsentMethod.API : ConsentMethod.ADMIN_ON_BEHALF;
    }
    throw new AccessDeniedException(
        "a member may change only their own consent; an admin may record a member's decision on their behalf");
  }

  private void append(TenantId tenant, List<ConsentRecord> records) {
    ConsentAppendResult result = store.append(tenant, records);
    if (result.appended() > 0) {
      changed(tenant, result.version());
    }
  }

  /** After a change committed at {@code version}: no entry older than it may answer again. */
  private void changed(TenantId tenant, long version) {
    floors.merge(tenant, version, Math::max);
    cache.asMap().keySet().removeIf(key -> key.tenant().equals(tenant));
  }

  // ---- Answering ----------------------------------------------------------------------------

  @Override
  public boolean check(TenantId tenant, MemberId subject, Purpose purpose) {
    requireNonNull(subject, "subject");
    ConsentRecord record = snapshot(tenant, purpose).grants().get(subject);
    return record != null && record.inForceAt(clock.instant());
  }

  @Override
  public List<MemberId> list(TenantId tenant, Purpose purpose) {
    Instant now = clock.instant();
    List<MemberId> members = new ArrayList<>();
    for (ConsentRecord record : snapshot(tenant, purpose).grants().values()) {
      if (record.inForceAt(now)) {
        members.add(record.subject());
      }
    }
    return List.copyOf(members);
  }

  @Override
  public <T> Disclosure<T> disclose(
      TenantId tenant, Purpose purpose, Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf) {
    requireNonNull(tenant, "tenant");
    requireNonNull(purpose, "purpose");
    requireNonNull(candidates, "candidates");
    requireNonNull(subjectOf, "subjectOf");
    return filter(tenant, purpose).apply(candidates, subjectOf);
  }

  @Override
  public int countDisclosable(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    requireNonNull(tenant, "tenant");
    requireNonNull(purpose, "purpose");
    requireNonNull(candidates, "candidates");
    return filter(tenant, purpose).count(candidates);
  }

  /** The output filter over a snapshot of the tenant's consent that is current now. */
  private ConsentFilter filter(TenantId tenant, Purpose purpose) {
    Key key = new Key(tenant, purpose);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long version = store.version(tenant);
      PurposeSnapshot snapshot = cache.get(key);
      if (snapshot.version() != version) {
        snapshot = cache.asMap().compute(key, (k, old) -> old != null && old.version() == version ? old : read(k));
      }
      if (snapshot.version() == version) {
        Map<MemberId, ConsentRecord> grants = snapshot.grants();
        return ConsentFilter.of(tenant, purpose, version, clock.instant(), m -> Optional.ofNullable(grants.get(m)));
      }
    }
    throw new ConsentChangedException(
        "consent of the tenant kept changing while a result was being filtered; nothing was disclosed");
  }

  @Override
  public <R> R consistently(TenantId tenant, Supplier<? extends R> computation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(computation, "computation");
    for (int run = 1; run <= 2; run++) {
      long before = store.version(tenant);
      R result = computation.get();
      long after = store.version(tenant);
      if (before == after) {
        return result;
      }
      LOG.debug("consent changed from version {} to {} during run {} of a computation", before, after, run);
    }
    throw new ConsentChangedException(
        "consent of the tenant changed while the result was computed, and again while it was computed once more;"
            + " the result was discarded, and calling again is safe");
  }

  @Override
  public long version(TenantId tenant) {
    return store.version(requireNonNull(tenant, "tenant"));
  }

  @Override
  public Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose) {
    return store.current(tenant, subject, purpose);
  }

  @Override
  public List<ConsentRecord> history(TenantId tenant, MemberId subject) {
    return store.history(tenant, subject);
  }

  @Override
  public Optional<ConsentRecord> record(TenantId tenant, ConsentRecordId id) {
    return store.find(tenant, id);
  }

  @Override
  public ConsentPolicy policy(TenantId tenant) {
    return store.policy(requireNonNull(tenant, "tenant")).orElse(ConsentPolicy.defaults());
  }

  /** The tenant's entry for the purpose, never older than the last change made through this engine. */
  private PurposeSnapshot snapshot(TenantId tenant, Purpose purpose) {
    Key key = new Key(requireNonNull(tenant, "tenant"), requireNonNull(purpose, "purpose"));
    PurposeSnapshot snapshot = cache.get(key);
    long floor = floors.getOrDefault(tenant, 0L);
    if (snapshot.version() < floor) {
      // Read before a change of this process committed (a load that raced the change): read again.
      snapshot = cache.asMap().compute(key, (k, old) -> old != null && old.version() >= floor ? old : read(k));
    }
    return snapshot;
  }

  /** Reads one consistent state of the tenant's grants for the purpose. */
  private PurposeSnapshot read(Key key) {
    Map<MemberId, ConsentRecord> grants = Map.of();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long before = store.version(key.tenant());
      grants = policy(key.tenant()).enables(key.purpose()) ? grants(key) : Map.of();
      if (store.version(key.tenant()) == before) {
        return new PurposeSnapshot(before, grants);
      }
    }
    // Writers kept changing the tenant's consent: a mix of adjacent states, which disclose() never uses.
    return new PurposeSnapshot(PurposeSnapshot.UNSTABLE, grants);
  }

  private Map<MemberId, ConsentRecord> grants(Key key) {
    Map<MemberId, ConsentRecord> grants = new LinkedHashMap<>();
    for (ConsentRecord r : store.granted(key.tenant(), key.purpose(), clock.instant())) {
      grants.put(r.subject(), r);
    }
    return Collections.unmodifiableMap(grants);
  }
}
