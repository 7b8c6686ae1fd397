package io.convener.core.internal.telemetry;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * The hit and miss counts of Convener's main in-memory caches as OpenTelemetry observable counters,
 * {@value #HITS} and {@value #MISSES}, each with the attribute {@code convener.cache} naming the
 * cache (a fixed set: {@link #CHAMPION_WINDOWS}, {@link #CHAMPION_STRUCTURES}, {@link
 * #CHAMPION_LOGS}, {@link #PULSE_INDEXES}, {@link #PULSE_ROLLUPS}, {@link #CONSENT}). The figures
 * are Caffeine's own ({@code recordStats()}), read only when an exporter collects; caches of the
 * same name (several Convener instances on one {@code OpenTelemetry}) are summed, and a cache is
 * held weakly, so a Convener that was dropped stops counting. The hit rate is
 * {@code hits / (hits + misses)} over any interval. Thread-safe.
 */
public final class CacheStats {
  /** Lookups that found their entry. */
  public static final String HITS = "convener.cache.hits";
  /** Lookups that did not, and built or loaded it. */
  public static final String MISSES = "convener.cache.misses";
  /** The cache a figure is about. */
  public static final AttributeKey<String> CACHE = AttributeKey.stringKey("convener.cache");

  /** Champions: each tenant's sliding window of interactions. */
  public static final String CHAMPION_WINDOWS = "champions.windows";
  /** Champions: each tenant's graph structure and metrics. */
  public static final String CHAMPION_STRUCTURES = "champions.structures";
  /** Champions: each tenant's in-memory event log. */
  public static final String CHAMPION_LOGS = "champions.logs";
  /** Pulse: each tenant's scope index. */
  public static final String PULSE_INDEXES = "pulse.indexes";
  /** Pulse: each tenant's rollups. */
  public static final String PULSE_ROLLUPS = "pulse.rollups";
  /** Consent: the purpose snapshots the gate checks. */
  public static final String CONSENT = "consent";

  /** A cache held weakly: a Convener that was closed and dropped does not stay reachable from the meter. */
  private record Named(String name, WeakReference<Cache<?, ?>> cache) {}

  private final List<Named> caches = new CopyOnWriteArrayList<>();

  CacheStats(Meter meter) {
    meter.counterBuilder(HITS).setUnit("{lookup}")
        .setDescription("Cache lookups that found their entry, by cache")
        .buildWithCallback(m -> record(m, c -> c.stats().hitCount()));
    meter.counterBuilder(MISSES).setUnit("{lookup}")
        .setDescription("Cache lookups that did not find their entry, by cache")
        .buildWithCallback(m -> record(m, c -> c.stats().missCount()));
  }

  /**
   * Reports the cache under {@code name} from now on. The cache must be built with {@code
   * recordStats()}, or it reports zeros.
   */
  void register(String name, Cache<?, ?> cache) {
    caches.add(new Named(requireNonNull(name, "name"), new WeakReference<>(requireNonNull(cache, "cache"))));
  }

  private void record(ObservableLongMeasurement m, ToLongFunction<Cache<?, ?>> figure) {
    Map<String, Long> sums = new TreeMap<>();
    for (Named n : caches) {
      Cache<?, ?> cache = n.cache().get();
      if (cache == null) {
        caches.remove(n);
      } else {
        sums.merge(n.name(), figure.applyAsLong(cache), Long::sum);
      }
    }
    sums.forEach((name, value) -> m.record(value, Attributes.of(CACHE, name)));
  }
}
