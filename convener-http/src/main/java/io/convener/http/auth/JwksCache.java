package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.KEYS_UNAVAILABLE;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import io.convener.api.AuthenticationException;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's public keys, fetched from a {@link JwksSource} and cached.
 *
 * <ul>
 *   <li>The first use fetches; a fetched set is used for the refresh interval, then fetched again
 *       by the first caller that needs it.
 *   <li>An unknown {@code kid} forces a fetch, so that a newly rotated key is picked up at once.
 *   <li>No two fetch attempts, of any kind, lie closer together than the refetch cooldown, so that
 *       tokens with made-up key ids cannot turn the verifier into a fetch loop, and an outage does
 *       not make every request wait for a timeout.
 *   <li>When a fetch fails, the last fetched set stays usable until the refresh interval plus the
 *       outage tolerance have passed since it was fetched; after that, or with nothing fetched
 *       yet, callers get {@code KEYS_UNAVAILABLE}.
 *   <li>A document that is not a JSON object with a {@code keys} array counts as a failed fetch;
 *       a single unusable key in it is skipped with a warning and the others are used.
 * </ul>
 *
 * <p>Thread-safe: readers see an immutable snapshot and one fetch runs at a time. A caller that
 * holds usable keys never waits for a scheduled refresh; a caller without usable keys, or with a
 * key id they lack, waits for a fetch in progress (bounded by the source's timeout) rather than
 * failing while it runs.
 */
final class JwksCache {
  private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

  private record Snapshot(List<PinnedKey> keys, Instant fetchedAt) {}

  private final JwksSource source;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Duration usableFor;
  private final Duration cooldown;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile @Nullable Snapshot snapshot;
  private volatile @Nullable Instant lastAttempt;

  JwksCache(JwksSource source, ObjectMapper json, Clock clock, TokenVerifierSettings settings) {
    this.source = requireNonNull(source, "source");
    this.json = requireNonNull(json, "json");
    this.clock = requireNonNull(clock, "clock");
    this.refreshInterval = settings.jwksRefreshInterval();
    this.usableFor = settings.jwksRefreshInterval().plus(settings.jwksOutageTolerance());
    this.cooldown = settings.jwksRefetchCooldown();
  }

  /**
   * The keys to use now, fetching first when none are cached or a refresh is due.
   *
   * @throws AuthenticationException {@code KEYS_UNAVAILABLE} when no usable keys can be had
   */
  List<PinnedKey> keys() {
    Snapshot s = snapshot;
    if (s != null && clock.instant().isBefore(s.fetchedAt().plus(refreshInterval))) {
      return s.keys();
    }
    return fetchIf(false);
  }

  /**
   * The keys after a token named a key id that {@link #keys()} did not have: fetches again unless
   * the cooldown forbids it.
   *
   * @throws AuthenticationException {@code KEYS_UNAVAILABLE} when no usable keys can be had
   */
  List<PinnedKey> keysAfterUnknownKid() {
    return fetchIf(true);
  }

  private List<PinnedKey> fetchIf(boolean forced) {
    Snapshot s = snapshot;
    if (!forced && s != null && usable(s, clock.instant())) {
      // A due refresh while the keys in hand are still good: fetch unless another caller is
      // fetching already, and never wait for it.
      if (shouldFetch(false, clock.instant()) && fetching.tryLock()) {
        try {
          fetchIfStillDue(false);
        } finally {
          fetching.unlock();
        }
      }
      return usableKeys();
    }
    // No usable keys, or a key id they lack: wait for a fetch in progress, which may bring them.
    fetching.lock();
    try {
      fetchIfStillDue(forced);
      return usableKeys();
    } finally {
      fetching.unlock();
    }
  }

  /** Under the lock: fetches when no other caller fetched within the cooldown meanwhile. */
  private void fetchIfStillDue(boolean forced) {
    Instant now = clock.instant();
    if (shouldFetch(forced, now)) {
      fetch(now);
    }
  }

  private boolean shouldFetch(boolean forced, Instant now) {
    Instant last = lastAttempt;
    if (last != null && now.isBefore(last.plus(cooldown))) {
      return false;
    }
    Snapshot s = snapshot;
    return forced || s == null || !now.isBefore(s.fetchedAt().plus(refreshInterval));
  }

  private void fetch(Instant now) {
    lastAttempt = now;
    try {
      List<PinnedKey> keys = parse(source.fetch());
      snapshot = new Snapshot(keys, now);
      log.debug("JWKS fetched from {}: {} usable keys", source, keys.size());
    } catch (IOException | RuntimeException e) {
      Snapshot s = snapshot;
      log.warn("JWKS fetch from {} failed ({}: {}); {}", source, e.getClass().getSimpleName(), e.getMessage(),
          s == null ? "no keys cached" : "keeping the keys fetched at " + s.fetchedAt());
    }
  }

  private List<PinnedKey> usableKeys() {
    Snapshot s = snapshot;
    if (s == null) {
      throw new AuthenticationException(KEYS_UNAVAILABLE, "the issuer's JWKS could not be fetched and no keys are cached");
    }
    if (!usable(s, clock.instant())) {
      throw new AuthenticationException(KEYS_UNAVAILABLE,
          "the issuer's JWKS could not be refreshed and the cached keys (fetched at " + s.fetchedAt()
              + ") are past their outage tolerance");
    }
    return s.keys();
  }

  private boolean usable(Snapshot s, Instant now) {
    return now.isBefore(s.fetchedAt().plus(usableFor));
  }

  private List<PinnedKey> parse(String document) throws IOException {
    JsonNode root = json.readTree(requireNonNull(document, "JWKS document"));
    JsonNode keys = root == null ? null : root.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new IOException("JWKS document is not a JSON object with a keys array");
    }
    List<PinnedKey> pinned = new ArrayList<>();
    for (JsonNode node : keys) {
      String kid = node.path("kid").asText("(no kid)");
      try {
        pinned.add(KeyPinning.fromJwks(JWK.parse(json.writeValueAsString(node))));
      } catch (ParseException | IllegalArgumentException e) {
        log.warn("JWKS key {} from {} skipped: {}", kid, source, e.getMessage());
      }
    }
    return List.copyOf(pinned);
  }
}
