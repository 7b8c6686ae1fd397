package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What verifying a tenant's provenance log found. A log that fails names its first bad entry (the
 * lowest sequence at which a changed, deleted, inserted or reordered entry, or a truncated tail,
 * shows) when it can, and always says why. A failure is a result, not an exception. Immutable.
 *
 * @param verified whether every check passed
 * @param entries how many entries the log holds now
 * @param firstBadEntry the sequence of the first bad entry; absent when verified, or when the
 *     failure is not tied to an entry (a checkpoint whose signature does not verify)
 * @param reason why verification failed; empty when verified
 */
public record VerificationResult(boolean verified, long entries, OptionalLong firstBadEntry, Optional<String> reason) {
  /** Validates. */
  public VerificationResult {
    requireNonNull(firstBadEntry, "firstBadEntry");
    requireNonNull(reason, "reason");
    if (entries < 0) {
      throw new IllegalArgumentException("entries must be >= 0");
    }
    if (verified != reason.isEmpty() || (verified && firstBadEntry.isPresent())) {
      throw new IllegalArgumentException("a verified log has no reason and no bad entry; a failed one has a reason");
    }
  }

  /** A log of {@code entries} entries that passed every check. */
  public static VerificationResult ok(long entries) {
    return new VerificationResult(true, entries, OptionalLong.empty(), Optional.empty());
  }

  /** A log that failed at entry {@code firstBad}. */
  public static VerificationResult failed(long entries, long firstBad, String reason) {
    return new VerificationResult(false, entries, OptionalLong.of(firstBad), Optional.of(reason));
  }

  /** A log that failed for a reason not tied to one entry. */
  public static VerificationResult failed(long entries, String reason) {
    return new VerificationResult(false, entries, OptionalLong.empty(), Optional.of(reason));
  }
}
