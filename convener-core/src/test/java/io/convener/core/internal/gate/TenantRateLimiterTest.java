package io.convener.core.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.RateLimitedException;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The subject's share inside the tenant's quota, call by call. */
class TenantRateLimiterTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final String API = "thing.read";

  private static TenantRateLimiter limiter(long calls, double share) {
    return new TenantRateLimiter(ConvenerSettings.defaults().withRateLimits(
        RateLimits.defaults().with(API, new RateLimits.Quota(calls, Duration.ofHours(1))).withSubjectShare(share)));
  }

  /** How many of {@code n} calls of the subject went through. */
  private static int calls(TenantRateLimiter limiter, TenantId tenant, String subject, int n) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
      try {
        limiter.acquire(tenant, subject, API);
        ok++;
      } catch (RateLimitedException e) {
        assertThat(e.retryAfter()).isPositive();
      }
    }
    return ok;
  }

  @Test
  void aSubjectGetsItsShareAndTheOthersTheRest() {
    TenantRateLimiter limiter = limiter(10, 0.4);
    assertThat(calls(limiter, ACME, "flooder", 50)).isEqualTo(4);
    assertThat(calls(limiter, ACME, "admin", 3)).isEqualTo(3);
    assertThat(calls(limiter, GLOBEX, "flooder", 50)).as("another tenant, its own buckets").isEqualTo(4);
  }

  @Test
  void theTenantTotalHoldsWhateverTheShares() {
    TenantRateLimiter limiter = limiter(10, 0.4);
    int total = 0;
    for (int s = 0; s < 6; s++) {
      total += calls(limiter, ACME, "m" + s, 10);
    }
    assertThat(total).isEqualTo(10);
  }

  @Test
  void aCallTheTenantRefusesDoesNotUseTheSubjectsShare() {
    TenantRateLimiter limiter = limiter(4, 0.5);
    assertThat(calls(limiter, ACME, "a", 2) + calls(limiter, ACME, "b", 2)).isEqualTo(4);
    // The tenant is empty (a token every 15 min). Were c's refused calls to use its share (2 an
    // hour), c would soon be told to wait for its own bucket: about 30 min.
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> limiter.acquire(ACME, "c", API)).isInstanceOfSatisfying(RateLimitedException.class,
          e -> assertThat(e.retryAfter()).isLessThanOrEqualTo(Duration.ofMinutes(15)));
    }
  }

  @Test
  void aShareOfOneIsTheTenantsQuotaAndATinyShareStillAllowsOneCall() {
    assertThat(calls(limiter(5, 1), ACME, "only", 9)).isEqualTo(5);
    assertThat(calls(limiter(5, 0.01), ACME, "only", 9)).isEqualTo(1);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> RateLimits.defaults().withSubjectShare(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subjectShare");
    }
  }
}
