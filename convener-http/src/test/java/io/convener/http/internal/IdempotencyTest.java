package io.convener.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  final Idempotency store = new Idempotency(Duration.ofMinutes(5), 1000);
  final TenantId acme = TenantId.of("acme");
  final AtomicInteger calls = new AtomicInteger();

  Response run(TenantId tenant, String key, String body) {
    return store.run(tenant, key, "POST", "/v1/consent/grant", "", body.getBytes(StandardCharsets.UTF_8), () -> {
      calls.incrementAndGet();
      return Response.ok(Map.of("n", calls.get()));
    });
  }

  @Test
  void aRepeatReplaysTheKeptResponseWithoutRunningAgain() {
    Response first = run(acme, "k", "{}");
    Response second = run(acme, "k", "{}");
    assertThat(calls).hasValue(1);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers()).containsEntry("Idempotent-Replayed", "true");
  }

  @Test
  void otherParametersWithTheSameKeyGet422() {
    run(acme, "k", "{\"a\":1}");
    Response other = run(acme, "k", "{\"a\":2}");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).isEqualTo(Response.PROBLEM);
    assertThat(calls).hasValue(1);
  }

  @Test
  void keysArePerTenant() {
    run(acme, "k", "{}");
    run(TenantId.of("globex"), "k", "{}");
    assertThat(calls).hasValue(2);
  }

  @Test
  void aConcurrentDuplicateGets409WithRetryAfter() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> store.run(acme, "k", "POST", "/v1/x", "",
        new byte[0], () -> {
          inside.countDown();
          await(release);
          return Response.ok(Map.of());
        }));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    Response duplicate = store.run(acme, "k", "POST", "/v1/x", "", new byte[0], () -> Response.ok(Map.of("ran", true)));
    release.countDown();
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.headers()).containsEntry("Retry-After", "1");
    assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void retryableFailuresAreNotKept() {
    store.run(acme, "k", "POST", "/v1/x", "", new byte[0], () -> Problems.of(503, "storage", "t", "d"));
    Response again = run(acme, "k", "");
    assertThat(again.status()).isEqualTo(200);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
