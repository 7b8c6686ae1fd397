package io.convener.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-tenant quotas of the public APIs, with a share per subject inside them. Each tenant has one
 * token bucket per API, refilled greedily at {@code calls} per {@code period} and holding at most
 * {@code calls} tokens (the burst). Each subject (a token's {@code sub}) of the tenant has a bucket
 * of its own per API, holding {@code subjectShare} of that: a call takes a token from both, so one
 * member's flood is refused once it has used its share, and the rest of the tenant's quota stays
 * for everybody else; the tenant's total still holds. A call that finds a bucket empty is refused
 * with {@link io.convener.api.RateLimitedException}, which says when to retry. Immutable.
 *
 * <p>Defaults ({@link #defaults()}): {@value #DEFAULT_CALLS} calls per minute for every API, of
 * which one subject may use {@value #DEFAULT_SUBJECT_SHARE}.
 *
 * @param defaultQuota the quota of every API not named in {@code perApi}
 * @param perApi quotas by API name (the activity, such as {@code ingest} or {@code provenance.query})
 * @param subjectShare the fraction of each quota one subject may use, in (0, 1]; 1 lets one
 *     subject use the whole tenant quota
 */
public record RateLimits(Quota defaultQuota, Map<String, Quota> perApi, double subjectShare) {
  /** Calls per minute, per tenant and API, by default. */
  public static final long DEFAULT_CALLS = 600;

  /** The fraction of a tenant's quota one subject may use, by default. */
  public static final double DEFAULT_SUBJECT_SHARE = 0.5;

  /** Validates and copies. */
  public RateLimits {
    requireNonNull(defaultQuota, "defaultQuota");
    perApi = Map.copyOf(requireNonNull(perApi, "perApi"));
    if (!(subjectShare > 0 && subjectShare <= 1)) {
      throw new IllegalArgumentException("subjectShare must be in (0, 1], got " + subjectShare);
    }
  }

  /** These quotas with the default subject share. */
  public RateLimits(Quota defaultQuota, Map<String, Quota> perApi) {
    this(defaultQuota, perApi, DEFAULT_SUBJECT_SHARE);
  }

  /** {@value #DEFAULT_CALLS} calls per minute for every API, half of it for any one subject. */
  public static RateLimits defaults() {
    return new RateLimits(new Quota(DEFAULT_CALLS, Duration.ofMinutes(1)), Map.of());
  }

  /** The quota of an API, for the whole tenant. */
  public Quota quota(String api) {
    return perApi.getOrDefault(api, defaultQuota);
  }

  /**
   * The quota of an API for one subject: {@code subjectShare} of the tenant's calls (at least 1)
   * over the same period.
   */
  public Quota subjectQuota(String api) {
    Quota tenant = quota(api);
    return new Quota(Math.max(1, (long) Math.floor(tenant.calls() * subjectShare)), tenant.period());
  }

  /** The longest period of any quota: a bucket unused that long is full again. */
  public Duration longestPeriod() {
    Duration longest = defaultQuota.period();
    for (Quota q : perApi.values()) {
      if (q.period().compareTo(longest) > 0) {
        longest = q.period();
      }
    }
    return longest;
  }

  /** A copy with another quota for one API. */
  public RateLimits with(String api, Quota quota) {
    Map<String, Quota> copy = new HashMap<>(perApi);
    copy.put(requireNonNull(api, "api"), requireNonNull(quota, "quota"));
    return new RateLimits(defaultQuota, copy, subjectShare);
  }

  /** A copy in which one subject may use this fraction, in (0, 1], of each quota. */
  public RateLimits withSubjectShare(double share) {
    return new RateLimits(defaultQuota, perApi, share);
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
