package io.convener.http.internal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import io.convener.api.replay.Replays;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST. A key belongs to one tenant, one subject (the token's {@code
 * sub}) and one route (method and path): nobody else, and no other route, ever sees what it keeps.
 * The first request with a key runs through {@link Replays#record}; a 2xx response whose calls
 * all passed the gate is kept with the call's {@link Receipt}, any other response frees the key (a
 * retry runs again). A later request with the same key and the same query and body is a replay:
 * {@link Replays#replay} first runs the gate's checks again (tenant, the roles the call needed,
 * rate limit, the consent of every person the response names) and logs the replay with {@code
 * replayOf}; only then is the kept response sent, marked {@code Idempotent-Replayed: true}. A
 * replay the gate refuses gets the gate's problem (403, 429) and the key stays; one whose named
 * people withdrew consent gets 409 {@code consent_changed} with {@code Retry-After} and the key is
 * freed, so the retry computes a fresh result without them. A repeat that arrives while the first
 * still runs gets 409 with {@code Retry-After}; one with other parameters gets 422.
 *
 * <p>Kept in memory (Caffeine) for a configured time and up to a configured number of keys: a
 * restart, or a second server process, forgets them. Thread-safe.
 */
final class Idempotency {
  /** The longest accepted key. */
  static final int MAX_KEY_LENGTH = 255;

  /** Whose key: the scope of one stored response. */
  private record Scope(TenantId tenant, String subject, String route, String key) {}

  private sealed interface Entry permits Running, Done {
    String fingerprint();
  }

  private record Running(String fingerprint) implements Entry {}

  private record Done(String fingerprint, Response response, Receipt receipt) implements Entry {}

  private final Cache<Scope, Entry> entries;
  private final Replays replays;

  Idempotency(Duration ttl, long maxKeys, Replays replays) {
    this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxKeys).build();
    this.replays = requireNonNull(replays, "replays");
  }

  /** Runs {@code call} once per tenant, subject, route and key, as the class describes. */
  Response run(Principal principal, String key, String method, String path, String query, byte[] body,
      Supplier<Response> call) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Problems.of(400, "invalid_idempotency_key", "Invalid Idempotency-Key",
          "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    Scope scope = new Scope(principal.tenant(), principal.subject(), method + ' ' + path, key);
    String fingerprint = fingerprint(query, body);
    Running mine = new Running(fingerprint);
    Entry existing = entries.asMap().putIfAbsent(scope, mine);
    if (existing != null) {
      if (!existing.fingerprint().equals(fingerprint)) {
        return Problems.of(422, "idempotency_key_reused", "Idempotency-Key reused",
            "this Idempotency-Key was used with other parameters");
      }
      if (existing instanceof Done done) {
        return replay(principal, scope, done);
      }
      return Problems.of(409, "idempotency_conflict", "Request in progress",
          "a request with this Idempotency-Key is still being processed").with("Retry-After", "1");
    }
    Recorded<Response> recorded;
    try {
      recorded = replays.record(principal, call);
    } catch (RuntimeException | Error e) {
      entries.asMap().remove(scope, mine);
      throw e;
    }
    Response response = recorded.result();
    if (response.status() / 100 == 2 && recorded.receipt().isPresent()) {
      entries.asMap().replace(scope, mine, new Done(fingerprint, response, recorded.receipt().get()));
    } else {
      entries.asMap().remove(scope, mine);
    }
    return response;
  }

  /** The kept response, after the gate admitted and logged the replay; else the gate's problem. */
  private Response replay(Principal principal, Scope scope, Done done) {
    try {
      replays.replay(principal, done.receipt());
    } catch (ConsentChangedException e) {
      entries.asMap().remove(scope, done);
      return Problems.of(e);
    } catch (RuntimeException e) {
      return Problems.of(e);
    }
    return done.response().with("Idempotent-Replayed", "true");
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
