package io.convener.core.internal.gate;

import io.convener.api.RateLimitedException;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per tenant and API, created on first use with the API's quota from
 * {@link RateLimits}: capacity {@code calls}, refilled greedily at {@code calls} per period.
 * Thread-safe and lock-free on the hot path.
 */
final class TenantRateLimiter {
  private final RateLimits limits;
  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  TenantRateLimiter(ConvenerSettings settings) {
    this.limits = settings.rateLimits();
  }

  /**
   * Takes one token of the tenant's bucket for the API.
   *
   * @throws RateLimitedException with the time until a token is available, when there is none
   */
  void acquire(TenantId tenant, String api) {
    Bucket bucket = buckets.computeIfAbsent(new Key(tenant, api), k -> newBucket(limits.quota(api)));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(api, Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
  }

  private static Bucket newBucket(RateLimits.Quota quota) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(quota.calls()).refillGreedy(quota.calls(), quota.period()).build())
        .build();
  }

  private record Key(TenantId tenant, String api) {}
}
