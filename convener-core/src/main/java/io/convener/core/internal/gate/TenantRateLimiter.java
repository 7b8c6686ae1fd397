package io.convener.core.internal.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j token buckets, created on first use with the quotas of {@link RateLimits}: one per
 * tenant and API (capacity {@code calls}, refilled greedily at {@code calls} per period), and
 * inside it one per subject and API holding the subject's share. A call takes a token from the
 * subject's bucket, then from the tenant's; when the tenant's is empty the subject's token is put
 * back. So one subject can never use more than its share, and the tenant never more than its
 * quota. Subject buckets live in a Caffeine cache that forgets a bucket unused for the longest
 * quota period: by then it is full again, so forgetting it changes nothing. Thread-safe and
 * lock-free on the hot path.
 */
final class TenantRateLimiter {
  private final RateLimits limits;
  private final Map<Key, Bucket> tenants = new ConcurrentHashMap<>();
  private final @Nullable Cache<SubjectKey, Bucket> subjects;

  @Inject
  TenantRateLimiter(ConvenerSettings settings) {
    this.limits = settings.rateLimits();
    // A share of 1 is the tenant's quota itself: no subject buckets to keep.
    this.subjects = limits.subjectShare() >= 1 ? null : Caffeine.newBuilder()
        .expireAfterAccess(limits.longestPeriod())
        .executor(Runnable::run)
        .build();
  }

  /**
   * Takes one token of the subject's share and one of the tenant's bucket for the API.
   *
   * @throws RateLimitedException with the time until a token is available, when there is none
   */
  void acquire(TenantId tenant, String subject, String api) {
    @Nullable Bucket own = subjects == null ? null
        : subjects.get(new SubjectKey(tenant, subject, api), k -> newBucket(limits.subjectQuota(api)));
    if (own != null) {
      take(own, api);
    }
    Bucket shared = tenants.computeIfAbsent(new Key(tenant, api), k -> newBucket(limits.quota(api)));
    try {
      take(shared, api);
    } catch (RateLimitedException e) {
      if (own != null) {
        own.addTokens(1);
      }
      throw e;
    }
  }

  private static void take(Bucket bucket, String api) {
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

  private record SubjectKey(TenantId tenant, String subject, String api) {}
}
