package io.convener.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.AccessDeniedException;
import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import io.convener.api.replay.Replays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of idempotency alone, over a stand-in for {@link Replays} that keeps claims in a
 * map, gives every call a receipt and admits or refuses replays as told; the real checks and the
 * store are covered by {@code ReplayOverHttpTest}, {@code SharedIdempotencyTest} and core's
 * {@code KeptResultsTest}.
 */
class IdempotencyTest {
  /** Receipts for every call; replays pass unless {@link #refuse} is set. */
  static final class FakeReplays implements Replays {
    /** Whose key: tenant, subject, route and key. */
    record Scope(TenantId tenant, String subject, String route, String key) {}

    /** A claim: running while {@code result} is null. */
    record Held(String fingerprint, String claimId, byte @Nullable [] result, @Nullable Receipt receipt) {}

    final Map<Scope, Held> held = new ConcurrentHashMap<>();
    final List<Principal> replayedTo = new ArrayList<>();
    @Nullable RuntimeException refuse;
    boolean receipts = true;

    @Override
    public <T> Recorded<T> record(Principal principal, Supplier<T> call) {
      T result = call.get();
      Receipt receipt = new Receipt() {
        @Override
        public TenantId tenant() {
          return principal.tenant();
        }

        @Override
        public String subject() {
          return principal.subject();
        }

        @Override
        public List<Long> entries() {
          return List.of(1L);
        }
      };
      return new Recorded<>(result, receipts ? Optional.of(receipt) : Optional.empty());
    }

    @Override
    public List<Long> replay(Principal principal, Receipt receipt) {
      replayedTo.add(principal);
      if (refuse != null) {
        throw refuse;
      }
      return List.of(2L);
    }

    @Override
    public Claim claim(Principal principal, IdempotencyKey key, KeepPolicy policy) {
      Scope scope = scope(principal, key);
      String claimId = UUID.randomUUID().toString();
      Held existing = held.putIfAbsent(scope, new Held(key.fingerprint(), claimId, null, null));
      if (existing == null) {
        return new Claim.Won(key, claimId);
      }
      if (!existing.fingerprint().equals(key.fingerprint())) {
        return new Claim.Reused();
      }
      if (existing.result() == null || existing.receipt() == null) {
        return new Claim.InProgress();
      }
      return new Claim.Kept(key, existing.claimId(), existing.result(), existing.receipt());
    }

    @Override
    public boolean keep(Principal principal, Claim.Won claim, byte[] result, Receipt receipt) {
      Scope scope = scope(principal, claim.key());
      Held running = held.get(scope);
      return running != null && running.claimId().equals(claim.claimId())
          && held.replace(scope, running, new Held(running.fingerprint(), running.claimId(), result, receipt));
    }

    @Override
    public void release(Principal principal, IdempotencyKey key, String claimId) {
      held.computeIfPresent(scope(principal, key), (s, h) -> h.claimId().equals(claimId) ? null : h);
    }

    private static Scope scope(Principal principal, IdempotencyKey key) {
      return new Scope(principal.tenant(), principal.subject(), key.route(), key.key());
    }
  }

  final FakeReplays replays = new FakeReplays();
  final Idempotency store = new Idempotency(KeepPolicy.defaults(), replays);
  final TenantId acme = TenantId.of("acme");
  final Principal manager = Principal.of(acme, "cm", Role.COMMUNITY_MANAGER);
  final AtomicInteger calls = new AtomicInteger();

  Response run(Principal p, String key, String path, String body) {
    return store.run(p, key, "POST", path, "", body.getBytes(StandardCharsets.UTF_8), () -> {
      calls.incrementAndGet();
      return Response.ok(Map.of("n", calls.get()));
    });
  }

  Response run(Principal p, String key, String body) {
    return run(p, key, "/v1/consent/grant", body);
  }

  @Test
  void aRepeatIsAdmittedByReplaysThenGetsTheKeptResponseWithoutRunningAgain() {
    Response first = run(manager, "k", "{}");
    Response second = run(manager, "k", "{}");
    assertThat(calls).hasValue(1);
    assertThat(replays.replayedTo).containsExactly(manager);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers()).containsEntry("Idempotent-Replayed", "true");
  }

  @Test
  void otherParametersWithTheSameKeyGet422() {
    run(manager, "k", "{\"a\":1}");
    Response other = run(manager, "k", "{\"a\":2}");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).isEqualTo(Response.PROBLEM);
    assertThat(calls).hasValue(1);
  }

  @Test
  void keysArePerTenantSubjectAndRoute() {
    run(manager, "k", "{}");
    run(Principal.of(TenantId.of("globex"), "cm", Role.COMMUNITY_MANAGER), "k", "{}");
    run(Principal.of(acme, "mo", Role.COMMUNITY_MANAGER), "k", "{}");
    run(manager, "k", "/v1/consent/revoke", "{}");
    assertThat(calls).hasValue(4);
    assertThat(replays.replayedTo).isEmpty();
  }

  @Test
  void aRefusedReplayGetsTheProblemAndNotTheKeptResponseAndTheKeyStays() {
    run(manager, "k", "{}");
    replays.refuse = new AccessDeniedException("champion.rank needs one of the roles [ADMIN]");
    Response denied = run(manager, "k", "{}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(new String(denied.body(), StandardCharsets.UTF_8)).doesNotContain("\"n\"");
    replays.refuse = null;
    assertThat(run(manager, "k", "{}").headers()).containsEntry("Idempotent-Replayed", "true");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aReplayWhoseNamedPeopleWithdrewGets409AndTheRetryRunsAfresh() {
    run(manager, "k", "{}");
    replays.refuse = new ConsentChangedException("consent for champion.recommendation was withdrawn");
    Response changed = run(manager, "k", "{}");
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.headers()).containsEntry("Retry-After", "1");
    replays.refuse = null;
    Response retry = run(manager, "k", "{}");
    assertThat(retry.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(calls).hasValue(2);
  }

  @Test
  void aConcurrentDuplicateGets409WithRetryAfter() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> store.run(manager, "k", "POST", "/v1/x", "",
        new byte[0], () -> {
          inside.countDown();
          await(release);
          return Response.ok(Map.of());
        }));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    Response duplicate = store.run(manager, "k", "POST", "/v1/x", "", new byte[0], () -> Response.ok(Map.of("ran", true)));
    release.countDown();
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.headers()).containsEntry("Retry-After", "1");
    assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void onlySuccessfulResponsesAreKept() {
    store.run(manager, "k", "POST", "/v1/x", "", new byte[0], () -> Problems.of(503, "storage", "t", "d"));
    store.run(manager, "k", "POST", "/v1/x", "", new byte[0], () -> Problems.of(403, "access_denied", "t", "d"));
    Response again = store.run(manager, "k", "POST", "/v1/x", "", new byte[0], () -> Response.ok(Map.of()));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.headers()).doesNotContainKey("Idempotent-Replayed");
  }

  @Test
  void aResponseThatNoGatedCallVouchesForIsNotKept() {
    replays.receipts = false;
    run(manager, "k", "{}");
    Response again = run(manager, "k", "{}");
    assertThat(again.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(calls).hasValue(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
