package io.convener.api.replay;

import static java.util.Objects.requireNonNull;

/**
 * What {@link Replays#claim} found for an idempotency key: the key is the caller's to run the call
 * under ({@link Won}), another request with it is still running ({@link InProgress}), it was used
 * with other parameters ({@link Reused}), or a result is kept under it ({@link Kept}).
 */
public sealed interface Claim {
  /**
   * The caller claimed the key: run the call through {@link Replays#record}, then {@link
   * Replays#keep} its result or {@link Replays#release} the key.
   *
   * @param key the key
   * @param claimId this claim's id: only it may keep a result under the key or release it
   */
  record Won(IdempotencyKey key, String claimId) implements Claim {
    /** Validates. */
    public Won {
      requireNonNull(key, "key");
      requireNonNull(claimId, "claimId");
    }
  }

  /** Another request with the key, on this node or another, is still running. */
  record InProgress() implements Claim {}

  /** The key was used with other parameters (another fingerprint). */
  record Reused() implements Claim {}

  /**
   * A result is kept under the key. Hand it out only after {@link Replays#replay} admitted it.
   *
   * @param key the key
   * @param claimId the id of the claim that kept it
   * @param result the kept result, as the host passed it to {@link Replays#keep}
   * @param receipt the receipt of the call that made it
   */
  record Kept(IdempotencyKey key, String claimId, byte[] result, Receipt receipt) implements Claim {
    /** Validates. */
    public Kept {
      requireNonNull(key, "key");
      requireNonNull(claimId, "claimId");
      requireNonNull(result, "result");
      requireNonNull(receipt, "receipt");
    }
  }
}
