package io.convener.core.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.convener.api.IntegrityException;
import io.convener.api.Principal;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Receipt;
import io.convener.core.internal.gate.GateReceipt;
import io.convener.core.internal.gate.ReceiptBytes;
import io.convener.spi.storage.IdempotencyRow;
import io.convener.spi.storage.IdempotencyStore;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys in the {@link IdempotencyStore}, for {@link DefaultReplays}. The store sees the
 * tenant, a SHA-256 digest of the subject, route and key (the scope), a SHA-256 digest of the
 * scope and the request's fingerprint, and the kept result with its receipt sealed by {@link
 * KeptSeal}; never a key, a subject or a response in the clear.
 *
 * <p>Purge: each node deletes a tenant's expired keys on that tenant's first claim, then again on
 * its first claim after {@link #PURGE_EVERY}. Expired keys are never handed out in between: a
 * claim takes an expired key over. Thread-safe.
 */
final class KeptResults {
  /** How often one node purges one tenant's expired keys at most. */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(KeptResults.class);
  private static final HexFormat HEX = HexFormat.of();

  private final IdempotencyStore store;
  private final KeptSeal seal;
  private final Clock clock;
  private final Cache<TenantId, Boolean> purged;

  @Inject
  KeptResults(IdempotencyStore store, KeptSeal seal, @ReplayClock Clock clock) {
    this.store = requireNonNull(store, "store");
    this.seal = requireNonNull(seal, "seal");
    this.clock = requireNonNull(clock, "clock");
    this.purged = Caffeine.newBuilder()
        .expireAfterWrite(PURGE_EVERY)
        .maximumSize(10_000)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .build();
  }

  Claim claim(Principal principal, IdempotencyKey key, KeepPolicy policy) {
    TenantId tenant = principal.tenant();
    String scope = scope(principal, key);
    String fingerprint = digest(scope, key.fingerprint());
    Instant now = clock.instant();
    purgeNowAndThen(tenant, now);
    for (int attempt = 0; attempt < 2; attempt++) {
      String claimId = UUID.randomUUID().toString();
      IdempotencyRow mine = new IdempotencyRow(scope, fingerprint, claimId, now, now.plus(policy.keepFor()),
          Optional.empty());
      IdempotencyRow row = store.claim(tenant, mine, now.minus(policy.runningTimeout()));
      if (row.claimId().equals(claimId)) {
        return new Claim.Won(key, claimId);
      }
      if (!row.fingerprint().equals(fingerprint)) {
        return new Claim.Reused();
      }
      if (row.running()) {
        return new Claim.InProgress();
      }
      Optional<byte[]> opened = seal.open(tenant, scope, row.sealed().orElseThrow());
      if (opened.isPresent()) {
        return kept(key, row.claimId(), opened.get());
      }
      // Sealed under a key that was destroyed: nothing is kept any more, so the key is free.
      store.release(tenant, scope, row.claimId());
    }
    return new Claim.InProgress();
  }

  boolean keep(Principal principal, Claim.Won claim, byte[] result, Receipt receipt) {
    if (!(receipt instanceof GateReceipt gate)) {
      throw new IllegalArgumentException("the receipt was not made by this Convener's Replays.record");
    }
    if (!gate.tenant().equals(principal.tenant()) || !gate.subject().equals(principal.subject())) {
      throw new IllegalArgumentException("a result is kept only for the principal its receipt was made for");
    }
    String scope = scope(principal, claim.key());
    byte[] receiptBytes = ReceiptBytes.write(gate);
    byte[] plain = ByteBuffer.allocate(Integer.BYTES + receiptBytes.length + result.length)
        .putInt(receiptBytes.length).put(receiptBytes).put(result).array();
    return store.keep(principal.tenant(), scope, claim.claimId(), seal.seal(principal.tenant(), scope, plain));
  }

  void release(Principal principal, IdempotencyKey key, String claimId) {
    store.release(principal.tenant(), scope(principal, key), claimId);
  }

  private static Claim.Kept kept(IdempotencyKey key, String claimId, byte[] plain) {
    ByteBuffer in = ByteBuffer.wrap(plain);
    int receiptLength = plain.length >= Integer.BYTES ? in.getInt() : -1;
    if (receiptLength < 0 || receiptLength > plain.length - Integer.BYTES) {
      throw new IntegrityException("a kept result has a malformed receipt length");
    }
    int start = Integer.BYTES;
    GateReceipt receipt = ReceiptBytes.read(Arrays.copyOfRange(plain, start, start + receiptLength));
    byte[] result = Arrays.copyOfRange(plain, start + receiptLength, plain.length);
    return new Claim.Kept(key, claimId, result, receipt);
  }

  /** Purges the tenant's expired keys unless this node did within {@link #PURGE_EVERY}; never fails the claim. */
  private void purgeNowAndThen(TenantId tenant, Instant now) {
    if (purged.asMap().putIfAbsent(tenant, Boolean.TRUE) != null) {
      return;
    }
    try {
      long deleted = store.purgeExpired(tenant, now);
      LOG.debug("purged {} expired idempotency keys of tenant {}", deleted, tenant);
    } catch (StorageException e) {
      purged.invalidate(tenant);
      LOG.warn("could not purge expired idempotency keys; the next claim tries again: {}", e.getMessage());
    }
  }

  /** The key's identity in its tenant: a digest of the subject, the route and the key. */
  static String scope(Principal principal, IdempotencyKey key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(principal.subject());
      out.writeUTF(key.route());
      out.writeUTF(key.key());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return sha256(bytes.toByteArray());
  }

  private static String digest(String scope, String fingerprint) {
    return sha256((scope + '\n' + fingerprint).getBytes(UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
