package io.convener.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-tenant quotas of the public APIs: each tenant has one token bucket per API, refilled
 * greedily at {@code calls} per {@code period} and holding at most {@code calls} tokens (the
 * burst). A call that finds its bucket empty is refused with {@link
 * io.convener.api.RateLimitedException}, which says when to retry. Immutable.
 *
 * <p>Defaults ({@link #defaults()}): {@value #DEFAULT_CALLS} calls per minute for every API.
 *
 * @param defaultQuota the quota of every API not named in {@code perApi}
 * @param perApi quotas by API name (the activity, such as {@code ingest} or {@code provenance.query})
 */
public record RateLimits(Quota defaultQuota, Map<String, Quota> perApi) {
  /** Calls per minute, per tenant and API, by default. */
  public static final long DEFAULT_CALLS = 600;

  /** Validates and copies. */
  public RateLimits {
    requireNonNull(defaultQuota, "defaultQuota");
    perApi = Map.copyOf(requireNonNull(perApi, "perApi"));
  }

  /** {@value #DEFAULT_CALLS} calls per minute for every API. */
  public static RateLimits defaults() {
    return new RateLimits(new Quota(DEFAULT_CALLS, Duration.ofMinutes(1)), Map.of());
  }

  /** The quota of an API. */
  public Quota quota(String api) {
    return perApi.getOrDefault(api, defaultQuota);
  }

  /** A copy with another quota for one API. */
  public RateLimits with(String api, Quota quota) {
    Map<String, Quota> copy = new HashMap<>(perApi);
    copy.put(requireNonNull(api, "api"), requireNonNull(quota, "quota"));
    return new RateLimits(defaultQuota, copy);
  }

  /**
   * A quota: at most {@code calls} calls per {@code period}, refilled evenly.
   *
   * @param calls calls per period, at least 1
   * @param period the refill period, at least one millisecond
   */
  public record Quota(long calls, Duration period) {
    /** Validates. */
    public Quota {
      requireNonNull(period, "period");
      if (calls < 1) {
        throw new IllegalArgumentException("calls must be >= 1, got " + calls);
      }
      if (period.toMillis() < 1) {
        throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
      }
    }
  }
}
