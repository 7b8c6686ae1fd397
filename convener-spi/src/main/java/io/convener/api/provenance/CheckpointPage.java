package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's checkpoint feed, in the order the checkpoints were signed, with the
 * verifier key that checks them. When {@link #next()} is present there may be more: pass it as the
 * next call's {@code after}. Immutable.
 *
 * @param checkpoints the signed checkpoints after the cursor, at most the limit asked for
 * @param next the cursor of the last checkpoint on this page, absent when the page is the last
 * @param verifierKey the signed-note verifier key of the tenant's signing key ({@link
 *     ProvenanceLog#verifierKey})
 */
public record CheckpointPage(List<Checkpoint> checkpoints, Optional<CheckpointCursor> next, String verifierKey) {
  /** Validates and copies. */
  public CheckpointPage {
    checkpoints = List.copyOf(requireNonNull(checkpoints, "checkpoints"));
    requireNonNull(next, "next");
    requireNonNull(verifierKey, "verifierKey");
  }
}
