package io.convener.http.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its response is kept; a
 * later request with the same key and the same parameters (method, route, query and body) gets the
 * kept response again, marked {@code Idempotent-Replayed: true}; one that arrives while the first
 * still runs gets 409 with {@code Retry-After}; one with other parameters gets 422. Keys are per
 * tenant. Responses 429 and 5xx are not kept (the client should retry them), so their key is freed.
 *
 * <p>Kept in memory (Caffeine) for a configured time and up to a configured number of keys: a
 * restart, or a second server process, forgets them. Thread-safe.
 */
final class Idempotency {
  /** The longest accepted key. */
  static final int MAX_KEY_LENGTH = 255;

  private sealed interface Entry permits Running, Done {
    String fingerprint();
  }

  private record Running(String fingerprint) implements Entry {}

  private record Done(String fingerprint, Response response) implements Entry {}

  private final Cache<String, Entry> entries;

  Idempotency(Duration ttl, long maxKeys) {
    this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxKeys).build();
  }

  /** Runs {@code call} once per tenant and key, as the class describes. */
  Response run(TenantId tenant, String key, String method, String route, String query, byte[] body,
      Supplier<Response> call) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Problems.of(400, "invalid_idempotency_key", "Invalid Idempotency-Key",
          "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String id = tenant.value() + '\u0000' + key;
    String fingerprint = fingerprint(method, route, query, body);
    Running mine = new Running(fingerprint);
    Entry existing = entries.asMap().putIfAbsent(id, mine);
    if (existing != null) {
      if (!existing.fingerprint().equals(fingerprint)) {
        return Problems.of(422, "idempotency_key_reused", "Idempotency-Key reused",
            "this Idempotency-Key was used with other parameters");
      }
      if (existing instanceof Done done) {
        return done.response().with("Idempotent-Replayed", "true");
      }
      return Problems.of(409, "idempotency_conflict", "Request in progress",
          "a request with this Idempotency-Key is still being processed").with("Retry-After", "1");
    }
    Response response;
    try {
      response = call.get();
    } catch (RuntimeException | Error e) {
      entries.asMap().remove(id, mine);
      throw e;
    }
    if (response.status() == 429 || response.status() >= 500) {
      entries.asMap().remove(id, mine);
    } else {
      entries.asMap().replace(id, mine, new Done(fingerprint, response));
    }
    return response;
  }

  private static String fingerprint(String method, String route, String query, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((method + ' ' + route + '?' + query + '\n').getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
