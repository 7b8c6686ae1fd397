package io.convener.core.internal.degraded;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.StorageException;
import io.convener.api.pulse.Staleness;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The last result computed for each question, kept in a bounded Caffeine cache, and served marked
 * stale when the store fails: {@link #get} computes afresh and keeps the result, or, when the
 * computation throws {@link StorageException} and a result for the same question is known, returns
 * that one through the caller's {@code stale} function. Only a store failure falls back; any other
 * failure (bad input, denied, consent changed) passes through. The key must hold everything that
 * decides what the caller may see (the tenant, the question, and the viewer where results differ
 * by viewer). Thread-safe.
 *
 * @param <K> the question
 * @param <V> the result
 */
public final class LastKnown<K, V> {
  /** The cause a stale result names: what failed, without internal detail. */
  public static final String CAUSE = "the store is unavailable; this is the last result computed before it failed";

  private record Known<V>(V value, Instant computedAt) {}

  private final Cache<K, Known<V>> cache;
  private final Clock clock;

  /**
   * @param maxEntries how many questions are kept at most (least recently used go first)
   * @param clock the clock that stamps {@code computedAt}
   */
  public LastKnown(long maxEntries, Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
  }

  /**
   * A fresh result, or the last known one for {@code key} when the store fails.
   *
   * @param fresh computes the result; its {@link StorageException} triggers the fallback
   * @param stale turns the last known result into the one served, given when it was computed and why
   *     it is stale; it must drop whoever may not be named now
   * @throws StorageException when the store fails and no result for {@code key} is known
   */
  public V get(K key, Supplier<V> fresh, BiFunction<V, Staleness, V> stale) {
    requireNonNull(key, "key");
    Instant computedAt = clock.instant();
    V value;
    try {
      value = fresh.get();
    } catch (StorageException e) {
      Known<V> known = cache.getIfPresent(key);
      if (known == null) {
        throw e;
      }
      return stale.apply(known.value(), new Staleness(known.computedAt(), CAUSE));
    }
    cache.put(key, new Known<>(value, computedAt));
    return value;
  }
}
