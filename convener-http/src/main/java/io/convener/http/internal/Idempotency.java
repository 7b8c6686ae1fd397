package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import io.convener.api.replay.Replays;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on POST. A key belongs to one tenant, one subject (the token's {@code
 * sub}) and one route (method and path): nobody else, and no other route, ever sees what it keeps.
 * The first request with a key claims it in the store ({@link Replays#claim}), so that of
 * concurrent requests on any node one runs, and runs through {@link Replays#record}; a 2xx response
 * whose calls all passed the gate is kept in the store with the call's {@link Receipt} ({@link
 * Replays#keep}, sealed under the tenant's key), any other response frees the key (a retry runs
 * again). A later request with the same key and the same query and body, on any node and after a
 * restart, is a replay: {@link Replays#replay} first runs the gate's checks again (tenant, the
 * roles the call needed, rate limit, the consent of every person the response names) and logs the
 * replay with {@code replayOf}; only then is the kept response sent, marked {@code
 * Idempotent-Replayed: true}. A replay the gate refuses gets the gate's problem (403, 429) and the
 * key stays; one whose named people withdrew consent gets 409 {@code consent_changed} with {@code
 * Retry-After} and the key is freed, so the retry computes a fresh result without them. A repeat
 * that arrives while the first still runs gets 409 with {@code Retry-After}; one with other
 * parameters gets 422 {@code idempotency_key_reused}. Keys last {@link KeepPolicy#keepFor()}; a
 * claim left running longer than {@link KeepPolicy#runningTimeout()} (its node died) is taken
 * over. Thread-safe.
 */
final class Idempotency {
  /** The longest accepted key. */
  static final int MAX_KEY_LENGTH = IdempotencyKey.MAX_KEY_LENGTH;

  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

  private final KeepPolicy policy;
  private final Replays replays;

  Idempotency(KeepPolicy policy, Replays replays) {
    this.policy = requireNonNull(policy, "policy");
    this.replays = requireNonNull(replays, "replays");
  }

  /** Runs {@code call} once per tenant, subject, route and key, as the class describes. */
  Response run(Principal principal, String key, String method, String path, String query, byte[] body,
      Supplier<Response> call) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Problems.of(400, "invalid_idempotency_key", "Invalid Idempotency-Key",
          "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String route = method + ' ' + path;
    if (route.length() > IdempotencyKey.MAX_ROUTE_LENGTH) {
      return Problems.of(400, "invalid_idempotency_key", "Invalid Idempotency-Key",
          "an Idempotency-Key is accepted on paths of at most " + (IdempotencyKey.MAX_ROUTE_LENGTH - 10) + " characters");
    }
    IdempotencyKey scoped = new IdempotencyKey(route, key, fingerprint(query, body));
    Claim claim;
    try {
      claim = replays.claim(principal, scoped, policy);
    } catch (RuntimeException e) {
      return Problems.of(e);
    }
    if (claim instanceof Claim.Won won) {
      return runOnce(principal, won, call);
    }
    if (claim instanceof Claim.Kept kept) {
      return replay(principal, kept);
    }
    if (claim instanceof Claim.Reused) {
      return Problems.of(422, "idempotency_key_reused", "Idempotency-Key reused",
          "this Idempotency-Key was used with other parameters");
    }
    return Problems.of(409, "idempotency_conflict", "Request in progress",
        "a request with this Idempotency-Key is still being processed").with("Retry-After", "1");
  }

  /** Runs the call under a key this request claimed, then keeps its response or frees the key. */
  private Response runOnce(Principal principal, Claim.Won won, Supplier<Response> call) {
    Recorded<Response> recorded;
    try {
      recorded = replays.record(principal, call);
    } catch (RuntimeException | Error e) {
      releaseQuietly(principal, won.key(), won.claimId());
      throw e;
    }
    Response response = recorded.result();
    if (response.status() / 100 == 2 && recorded.receipt().isPresent()) {
      try {
        replays.keep(principal, won, KeptResponse.write(response), recorded.receipt().get());
      } catch (RuntimeException e) {
        // The call happened and its response goes out; a repeat runs it again once the key is free.
        LOG.warn("could not keep the response of an idempotent request: {}", e.getMessage());
        releaseQuietly(principal, won.key(), won.claimId());
      }
    } else {
      releaseQuietly(principal, won.key(), won.claimId());
    }
    return response;
  }

  /** The kept response, after the gate admitted and logged the replay; else the gate's problem. */
  private Response replay(Principal principal, Claim.Kept kept) {
    try {
      replays.replay(principal, kept.receipt());
    } catch (ConsentChangedException e) {
      releaseQuietly(principal, kept.key(), kept.claimId());
      return Problems.of(e);
    } catch (RuntimeException e) {
      return Problems.of(e);
    }
    return KeptResponse.read(kept.result()).with("Idempotent-Replayed", "true");
  }

  /** Frees the key; a store failure leaves it running until {@link KeepPolicy#runningTimeout()}. */
  private void releaseQuietly(Principal principal, IdempotencyKey key, String claimId) {
    try {
      replays.release(principal, key, claimId);
    } catch (RuntimeException e) {
      LOG.warn("could not free an Idempotency-Key; it is taken over after the running timeout: {}", e.getMessage());
    }
  }

  private static String fingerprint(String query, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((query + '\n').getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
