package io.convener.core.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.RateLimitedException;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import io.convener.spi.storage.QuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Quotas per tenant and per family of APIs, and the shared mode's answer when its store fails. */
class QuotaOverridesTest {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final Duration HOUR = Duration.ofHours(1);

  static int calls(TenantRateLimiter limiter, TenantId tenant, String api, int n) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
      try {
        limiter.acquire(tenant, "s" + i, api);
        ok++;
      } catch (RateLimitedException e) {
        assertThat(e.retryAfter()).isPositive();
      }
    }
    return ok;
  }

  @Test
  void aTenantsOwnQuotaForAnApiItsFamilyOrAllOfItsApisComesBeforeTheShared() {
    RateLimits limits = RateLimits.defaults().withSubjectShare(1)
        .with("champion", new RateLimits.Quota(7, HOUR))
        .with("champion.rank", new RateLimits.Quota(9, HOUR))
        .with(GLOBEX, "pulse", new RateLimits.Quota(3, HOUR))
        .with(GLOBEX, RateLimits.ALL, new RateLimits.Quota(2, HOUR))
        .with(GLOBEX, "champion.rank", new RateLimits.Quota(4, HOUR));
    TenantRateLimiter limiter = new TenantRateLimiter(ConvenerSettings.defaults().withRateLimits(limits));

    assertThat(calls(limiter, ACME, "champion.rank", 20)).as("by name").isEqualTo(9);
    assertThat(calls(limiter, ACME, "champion.discover", 20)).as("by family").isEqualTo(7);
    assertThat(calls(limiter, GLOBEX, "champion.rank", 20)).as("the tenant's own, by name").isEqualTo(4);
    assertThat(calls(limiter, GLOBEX, "pulse.report", 20)).as("the tenant's own, by family").isEqualTo(3);
    assertThat(calls(limiter, GLOBEX, "ingest", 20)).as("the tenant's own, for all").isEqualTo(2);
    // the default refills a token every 100 ms: a slow machine sees a few more pass during the calls
    assertThat(calls(limiter, ACME, "ingest", 700)).as("the default")
        .isBetween((int) RateLimits.DEFAULT_CALLS, (int) RateLimits.DEFAULT_CALLS + 10);
  }

  @Test
  void theSharedModeRefusesACallWhenItsStoreFails() {
    QuotaStore down = new QuotaStore() {
      @Override
      public Optional<byte[]> state(TenantId tenant, String bucket) {
        throw new StorageException("could not read a quota bucket for tenant '" + tenant + "'", null);
      }

      @Override
      public boolean compareAndSwap(TenantId tenant, String bucket, Optional<byte[]> expected, byte[] state,
          Instant expiresAt) {
        throw new StorageException("could not swap a quota bucket", null);
      }

      @Override
      public long purgeExpired(TenantId tenant, Instant now) {
        return 0;
      }
    };
    TenantRateLimiter limiter = new TenantRateLimiter(
        ConvenerSettings.defaults().withRateLimits(RateLimits.defaults().withSharedStore()), Optional.of(down));

    assertThatThrownBy(() -> limiter.acquire(ACME, "cm", "ingest"))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(TenantRateLimiter.STORE_DOWN_RETRY));
  }

  @Test
  void theSharedModeNeedsAStore() {
    ConvenerSettings shared = ConvenerSettings.defaults().withRateLimits(RateLimits.defaults().withSharedStore());
    assertThatThrownBy(() -> new TenantRateLimiter(shared, Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QuotaStore");
  }
}
