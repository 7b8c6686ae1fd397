package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.KEYS_UNAVAILABLE;
import static io.convener.api.AuthenticationException.Reason.UNKNOWN_KEY;
import static io.convener.http.auth.Fixture.NOW;
import static io.convener.http.auth.Fixture.assertRefused;
import static io.convener.http.auth.Fixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Principal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * JWKS rotation, refresh and outages. Settings: refresh every 5 min, cached keys usable for 1 h
 * beyond that while fetches fail, 30 s between fetch attempts.
 */
class JwksRefreshTest {
  private static final TestKey OLD = TestKey.rsa("2026-10");
  private static final TestKey NEW = TestKey.ec("2026-11");

  private final MutableClock clock = new MutableClock(NOW);
  private final FakeJwksSource source = new FakeJwksSource(TestKey.jwks(OLD));
  private final NimbusTokenVerifier verifier = new NimbusTokenVerifier(
      Fixture.settings()
          .jwks(source)
          .jwksRefreshInterval(Duration.ofMinutes(5))
          .jwksOutageTolerance(Duration.ofHours(1))
          .jwksRefetchCooldown(Duration.ofSeconds(30))
          .build(),
      clock);

  private Principal verify(TestKey key) {
    return verifier.verify(key.sign(claims().put("exp", clock.instant().getEpochSecond() + 600).toString()));
  }

  @Test
  void fetchesOnFirstUseOnlyAndThenServesFromCache() {
    assertThat(source.fetches()).isZero();
    for (int i = 0; i < 10; i++) {
      verify(OLD);
      clock.advance(Duration.ofSeconds(20));
    }

    assertThat(source.fetches()).isEqualTo(1);
  }

  @Test
  void acceptsATokenSignedWithANewlyRotatedKeyAtOnce() {
    verify(OLD);
    clock.advance(Duration.ofSeconds(31));
    source.serve(TestKey.jwks(OLD, NEW));

    assertThat(verify(NEW).subject()).isEqualTo("ana");
    assertThat(verify(OLD).subject()).isEqualTo("ana");
    assertThat(source.fetches()).isEqualTo(2);
  }

  @Test
  void acceptsTheNewKeyOnceTheCooldownHasPassed() {
    verify(OLD);
    source.serve(TestKey.jwks(OLD, NEW));

    assertRefused(() -> verify(NEW), UNKNOWN_KEY); // within the cooldown of the first fetch
    clock.advance(Duration.ofSeconds(30));
    assertThat(verify(NEW).subject()).isEqualTo("ana");
  }

  @Test
  void picksUpRotationOnTheScheduledRefreshToo() {
    verify(OLD);
    source.serve(TestKey.jwks(NEW));
    clock.advance(Duration.ofMinutes(5));

    assertThat(verify(NEW).subject()).isEqualTo("ana");
    assertThat(source.fetches()).isEqualTo(2);
  }

  @Test
  void refusesAKeyRemovedFromTheJwksAfterTheRefresh() {
    source.serve(TestKey.jwks(OLD, NEW));
    verify(OLD);
    source.serve(TestKey.jwks(NEW));
    assertThat(verify(OLD).subject()).as("still cached").isEqualTo("ana");

    clock.advance(Duration.ofMinutes(5));

    assertRefused(() -> verify(OLD), UNKNOWN_KEY);
    assertThat(verify(NEW).subject()).isEqualTo("ana");
  }

  @Test
  void keepsVerifyingWithCachedKeysDuringAnOutageWithinTheTolerance() {
    verify(OLD);
    source.goDown();
    clock.advance(Duration.ofMinutes(5).plus(Duration.ofMinutes(59)));

    assertThat(verify(OLD).subject()).isEqualTo("ana");
    assertThat(source.fetches()).as("the due refresh was tried").isEqualTo(2);
  }

  @Test
  void refusesWithKeysUnavailableOnceTheToleranceIsSpent() {
    verify(OLD);
    source.goDown();
    clock.advance(Duration.ofMinutes(5).plus(Duration.ofHours(1)));

    assertRefused(() -> verify(OLD), KEYS_UNAVAILABLE);
  }

  @Test
  void recoversWhenTheJwksComesBack() {
    verify(OLD);
    source.goDown();
    clock.advance(Duration.ofHours(2));
    assertRefused(() -> verify(OLD), KEYS_UNAVAILABLE);

    source.serve(TestKey.jwks(OLD));
    clock.advance(Duration.ofSeconds(30));

    assertThat(verify(OLD).subject()).isEqualTo("ana");
  }

  @Test
  void refusesWithKeysUnavailableWhenNothingWasEverFetched() {
    source.goDown();

    assertRefused(() -> verify(OLD), KEYS_UNAVAILABLE);
    assertRefused(() -> verify(OLD), KEYS_UNAVAILABLE);
    assertThat(source.fetches()).as("the second call is within the cooldown").isEqualTo(1);
  }

  @Test
  void treatsADocumentThatIsNotAKeySetAsAFailedFetch() {
    verify(OLD);
    source.serve("<html>502 Bad Gateway</html>");
    clock.advance(Duration.ofMinutes(10));

    assertThat(verify(OLD).subject()).isEqualTo("ana");
  }

  @Test
  void skipsAnUnusableKeyAndUsesTheOthers() {
    String brokenRsa = "{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
    String notAKey = "{\"kid\":\"nothing\"}";
    source.serve("{\"keys\":[" + brokenRsa + "," + notAKey + "," + NEW.publicJwk().toJSONString() + "]}");

    assertThat(verify(NEW).subject()).isEqualTo("ana");
  }

  @RepeatedTest(20)
  void fetchesOnceWhenManyThreadsNeedTheKeysAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    String token = OLD.sign(claims().toString());
    try {
      List<Future<Principal>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return verifier.verify(token);
        }));
      }
      start.countDown();
      for (Future<Principal> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).subject()).isEqualTo("ana");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(source.fetches()).isEqualTo(1);
  }

  @Test
  void aCallerWithoutKeysWaitsForTheFetchInProgressInsteadOfFailing() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    JwksSource slow = () -> {
      fetches.incrementAndGet();
      entered.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IOException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return TestKey.jwks(OLD);
    };
    NimbusTokenVerifier slowVerifier = new NimbusTokenVerifier(Fixture.settings().jwks(slow).build(), clock);
    String token = OLD.sign(claims().toString());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Principal> first = pool.submit(() -> slowVerifier.verify(token));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Principal> second = pool.submit(() -> slowVerifier.verify(token));
      Thread.sleep(100); // let the second caller reach the fetch in progress
      release.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS).subject()).isEqualTo("ana");
      assertThat(second.get(30, TimeUnit.SECONDS).subject()).isEqualTo("ana");
      assertThat(fetches.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
