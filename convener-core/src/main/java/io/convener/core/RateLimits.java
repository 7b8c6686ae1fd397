package io.convener.core;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-tenant quotas of the public APIs, with a share per subject inside them. Each tenant has one
 * token bucket per API, refilled greedily at {@code calls} per {@code period} and holding at most
 * {@code calls} tokens (the burst). Each subject (a token's {@code sub}) of the tenant has a bucket
 * of its own per API, holding {@code subjectShare} of that: a call takes a token from both, so one
 * member's flood is refused once it has used its share, and the rest of the tenant's quota stays
 * for everybody else; the tenant's total still holds. A call that finds a bucket empty is refused
 * with {@link io.convener.api.RateLimitedException}, which says when to retry. Immutable.
 *
 * <p>Which quota an API has ({@link #quota(TenantId, String)}): the first found of the tenant's
 * own quota for the API (its activity, such as {@code champion.rank}), for its family (the
 * activity up to the first dot, such as {@code champion}) and for {@value #ALL} (every API of the
 * tenant); then the same for every tenant in {@code perApi}; then {@code defaultQuota}.
 *
 * <p>Where buckets live: in each process's memory by default, which suits one embedded node; with
 * {@link #withSharedStore()}, in the store ({@code io.convener.spi.storage.QuotaStore}), so that
 * every node on one database draws from the same buckets and a tenant's quota holds across them.
 * A shared bucket costs a store read and a write transaction per call; when the store fails the
 * call is refused (fail closed) as rate limited, with a retry after one second.
 *
 * <p>Trusted bulk work: a host that syncs consent or members in process, or a back-office job, runs
 * it as a subject of its own and names that subject with {@link #withUnmeteredSubject(String)}.
 * Its calls take no token from any bucket; they still pass the gate in every other way (roles,
 * consent, the provenance log). Name only subjects the host's own code uses: the token issuer
 * decides who can present a subject over HTTP.
 *
 * <p>Defaults ({@link #defaults()}): {@value #DEFAULT_CALLS} calls per minute for every API, of
 * which one subject may use {@value #DEFAULT_SUBJECT_SHARE}, in memory.
 *
 * @param defaultQuota the quota of every API not named in {@code perApi}
 * @param perApi quotas by API name or family (the activity, such as {@code ingest} or {@code
 *     provenance.query}, or its family, such as {@code provenance})
 * @param subjectShare the fraction of each quota one subject may use, in (0, 1]; 1 lets one
 *     subject use the whole tenant quota
 * @param perTenant quotas of single tenants, by API name, family or {@value #ALL}
 * @param sharedStore whether the buckets live in the store, shared by every node, rather than in
 *     memory
 * @param unmeteredSubjects subjects whose calls are not counted against any quota: trusted bulk work
 */
public record RateLimits(Quota defaultQuota, Map<String, Quota> perApi, double subjectShare,
    Map<TenantId, Map<String, Quota>> perTenant, boolean sharedStore, Set<String> unmeteredSubjects) {
  /** The name of a tenant's quota that covers every API it has no other quota for. */
  public static final String ALL = "*";

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
    Map<TenantId, Map<String, Quota>> tenants = new HashMap<>();
    requireNonNull(perTenant, "perTenant").forEach((t, q) -> tenants.put(t, Map.copyOf(q)));
    perTenant = Map.copyOf(tenants);
    unmeteredSubjects = Set.copyOf(requireNonNull(unmeteredSubjects, "unmeteredSubjects"));
  }

  /** These quotas, in memory, with no tenant's own. */
  public RateLimits(Quota defaultQuota, Map<String, Quota> perApi, double subjectShare) {
    this(defaultQuota, perApi, subjectShare, Map.of(), false, Set.of());
  }

  /** These quotas with the default subject share, in memory, with no tenant's own. */
  public RateLimits(Quota defaultQuota, Map<String, Quota> perApi) {
    this(defaultQuota, perApi, DEFAULT_SUBJECT_SHARE);
  }

  /** {@value #DEFAULT_CALLS} calls per minute for every API, half of it for any one subject. */
  public static RateLimits defaults() {
    return new RateLimits(new Quota(DEFAULT_CALLS, Duration.ofMinutes(1)), Map.of());
  }

  /** The quota of an API for every tenant without its own: by name, then family, then the default. */
  public Quota quota(String api) {
    Quota named = perApi.get(api);
    return named != null ? named : perApi.getOrDefault(family(api), defaultQuota);
  }

  /** The quota of an API for one tenant, as the class describes. */
  public Quota quota(TenantId tenant, String api) {
    Map<String, Quota> own = perTenant.getOrDefault(tenant, Map.of());
    for (String name : new String[] {api, family(api), ALL}) {
      Quota q = own.get(name);
      if (q != null) {
        return q;
      }
    }
    return quota(api);
  }

  /**
   * The quota of an API for one subject of a tenant: {@code subjectShare} of the tenant's calls
   * (at least 1) over the same period.
   */
  public Quota subjectQuota(TenantId tenant, String api) {
    return share(quota(tenant, api));
  }

  /**
   * The quota of an API for one subject: {@code subjectShare} of the tenant's calls (at least 1)
   * over the same period.
   */
  public Quota subjectQuota(String api) {
    return share(quota(api));
  }

  private Quota share(Quota tenant) {
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
    for (Map<String, Quota> own : perTenant.values()) {
      for (Quota q : own.values()) {
        if (q.period().compareTo(longest) > 0) {
          longest = q.period();
        }
      }
    }
    return longest;
  }

  /** The family of an API: its name up to the first dot ({@code champion} of {@code champion.rank}). */
  static String family(String api) {
    int dot = api.indexOf('.');
    return dot < 0 ? api : api.substring(0, dot);
  }

  /** A copy with another quota for one API, or a family of APIs, of every tenant. */
  public RateLimits with(String api, Quota quota) {
    Map<String, Quota> copy = new HashMap<>(perApi);
    copy.put(requireNonNull(api, "api"), requireNonNull(quota, "quota"));
    return new RateLimits(defaultQuota, copy, subjectShare, perTenant, sharedStore, unmeteredSubjects);
  }

  /**
   * A copy with a quota of one tenant's own for one API, a family of APIs, or {@value #ALL} of its
   * APIs.
   */
  public RateLimits with(TenantId tenant, String api, Quota quota) {
    Map<TenantId, Map<String, Quota>> tenants = new HashMap<>(perTenant);
    Map<String, Quota> own = new HashMap<>(tenants.getOrDefault(requireNonNull(tenant, "tenant"), Map.of()));
    own.put(requireNonNull(api, "api"), requireNonNull(quota, "quota"));
    tenants.put(tenant, own);
    return new RateLimits(defaultQuota, perApi, subjectShare, tenants, sharedStore, unmeteredSubjects);
  }

  /** A copy in which one subject may use this fraction, in (0, 1], of each quota. */
  public RateLimits withSubjectShare(double share) {
    return new RateLimits(defaultQuota, perApi, share, perTenant, sharedStore, unmeteredSubjects);
  }

  /**
   * A copy whose buckets live in the store, shared by every node on it: for several nodes on one
   * database. See the class documentation for the cost and the failure mode.
   */
  public RateLimits withSharedStore() {
    return new RateLimits(defaultQuota, perApi, subjectShare, perTenant, true, unmeteredSubjects);
  }

  /**
   * A copy in which the calls of {@code subject} (in any tenant) take no token from any bucket:
   * for trusted bulk work, as the class describes.
   */
  public RateLimits withUnmeteredSubject(String subject) {
    Set<String> copy = new HashSet<>(unmeteredSubjects);
    copy.add(requireNonNull(subject, "subject"));
    return new RateLimits(defaultQuota, perApi, subjectShare, perTenant, sharedStore, copy);
  }

  /** Whether the subject's calls count against the quotas. */
  public boolean metered(String subject) {
    return !unmeteredSubjects.contains(subject);
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
