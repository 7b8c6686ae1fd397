package io.convener.core.internal.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.RateLimitedException;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import io.convener.spi.storage.QuotaStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j token buckets with the quotas of {@link RateLimits}: one per tenant and API (capacity
 * {@code calls}, refilled greedily at {@code calls} per period), and inside it one per subject and
 * API holding the subject's share. A call takes a token from the subject's bucket, then from the
 * tenant's; when the tenant's is empty the subject's token is put back. So one subject can never
 * use more than its share, and the tenant never more than its quota.
 *
 * <p>In memory (the default) buckets are created on first use; subject buckets live in a Caffeine
 * cache that forgets a bucket unused for the longest quota period (by then it is full again), and
 * the hot path is lock-free. With {@link RateLimits#sharedStore()} every bucket lives in the {@link
 * QuotaStore} ({@link StoredBuckets}), so all nodes on it share them; a bucket's name carries its
 * quota, so a changed quota starts a fresh bucket. A store failure refuses the call (fail closed)
 * with a retry after {@link #STORE_DOWN_RETRY}: a quota that cannot be checked is not granted.
 * Each node purges a tenant's expired stored buckets on the tenant's first call, then at most once
 * per longest quota period. Thread-safe.
 */
final class TenantRateLimiter {
  /** The retry a call refused because the quota store failed is told to wait. */
  static final Duration STORE_DOWN_RETRY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(TenantRateLimiter.class);

  private final RateLimits limits;
  private final Map<Key, Bucket> tenants = new ConcurrentHashMap<>();
  private final @Nullable Cache<SubjectKey, Bucket> subjects;
  private final @Nullable QuotaStore store;
  private final @Nullable StoredBuckets stored;
  private final Cache<TenantId, Boolean> purged;

  TenantRateLimiter(ConvenerSettings settings) {
    this(settings, Optional.empty());
  }

  @Inject
  TenantRateLimiter(ConvenerSettings settings, Optional<QuotaStore> store) {
    this.limits = settings.rateLimits();
    // A share of 1 is the tenant's quota itself: no subject buckets to keep.
    this.subjects = limits.subjectShare() >= 1 ? null : Caffeine.newBuilder()
        .expireAfterAccess(limits.longestPeriod())
        .executor(Runnable::run)
        .build();
    if (limits.sharedStore() && store.isEmpty()) {
      throw new IllegalStateException("RateLimits.sharedStore() needs a QuotaStore: install a storage module"
          + " that binds one (JdbcStorageModule does)");
    }
    this.store = limits.sharedStore() ? store.orElseThrow() : null;
    this.stored = this.store == null ? null : new StoredBuckets(this.store);
    this.purged = Caffeine.newBuilder().expireAfterWrite(limits.longestPeriod()).maximumSize(10_000)
        .executor(Runnable::run).build();
  }

  /**
   * Takes one token of the subject's share and one of the tenant's bucket for the API; nothing for
   * an unmetered subject ({@link RateLimits#withUnmeteredSubject(String)}).
   *
   * @throws RateLimitedException with the time until a token is available, when there is none, or
   *     when the shared quota store fails
   */
  void acquire(TenantId tenant, String subject, String api) {
    if (!limits.metered(subject)) {
      return;
    }
    try {
      @Nullable Bucket own = subjects == null ? null : subjectBucket(tenant, subject, api);
      if (own != null) {
        take(own, api);
      }
      Bucket shared = tenantBucket(tenant, api);
      try {
        take(shared, api);
      } catch (RateLimitedException e) {
        if (own != null) {
          own.addTokens(1);
        }
        throw e;
      }
    } catch (RateLimitedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (stored == null) {
        throw e;
      }
      LOG.warn("the quota store failed; refusing the call (fail closed): {}", e.getMessage());
      throw new RateLimitedException(api, STORE_DOWN_RETRY);
    }
  }

  private Bucket subjectBucket(TenantId tenant, String subject, String api) {
    RateLimits.Quota quota = limits.subjectQuota(tenant, api);
    if (stored != null) {
      return remote(tenant, "s:" + digest(subject) + ':' + name(api, quota), quota);
    }
    return subjects.get(new SubjectKey(tenant, subject, api), k -> newBucket(quota));
  }

  private Bucket tenantBucket(TenantId tenant, String api) {
    RateLimits.Quota quota = limits.quota(tenant, api);
    if (stored != null) {
      purgeNowAndThen(tenant);
      return remote(tenant, "t:" + name(api, quota), quota);
    }
    return tenants.computeIfAbsent(new Key(tenant, api), k -> newBucket(quota));
  }

  private Bucket remote(TenantId tenant, String bucket, RateLimits.Quota quota) {
    return stored.getProxy(new StoredBuckets.Key(tenant, bucket), () -> configuration(quota));
  }

  private void purgeNowAndThen(TenantId tenant) {
    if (purged.asMap().putIfAbsent(tenant, Boolean.TRUE) == null) {
      store.purgeExpired(tenant, Instant.now());
    }
  }

  private static void take(Bucket bucket, String api) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(api, Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
  }

  private static Bucket newBucket(RateLimits.Quota quota) {
    return Bucket.builder().addLimit(bandwidth(quota)).build();
  }

  private static BucketConfiguration configuration(RateLimits.Quota quota) {
    return BucketConfiguration.builder().addLimit(bandwidth(quota)).build();
  }

  private static Bandwidth bandwidth(RateLimits.Quota quota) {
    return Bandwidth.builder().capacity(quota.calls()).refillGreedy(quota.calls(), quota.period()).build();
  }

  /** A stored bucket's name: the API with its quota, so that a changed quota starts afresh. */
  private static String name(String api, RateLimits.Quota quota) {
    String name = api + ':' + quota.calls() + '/' + quota.period().toMillis();
    return name.length() <= 120 ? name : digest(name);
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private record Key(TenantId tenant, String api) {}

  private record SubjectKey(TenantId tenant, String subject, String api) {}
}
