package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Sha256Hash;
import java.time.Instant;
import java.util.List;

/**
 * The head of a tenant's provenance log as the store keeps it beside the entries: how many
 * entries there are, the Merkle root over them, the compact range (frontier) that lets the next
 * append continue the tree without rereading the log, and the time of the last entry. Immutable.
 *
 * @param size the number of entries
 * @param root the RFC 9162 root of the entries
 * @param frontier one complete-subtree hash per set bit of {@code size}, largest first
 * @param lastAt the time of the last entry; {@link Instant#EPOCH} for an empty log
 */
public record ProvenanceHead(long size, Sha256Hash root, List<Sha256Hash> frontier, Instant lastAt) {
  /** The SHA-256 of the empty string: the root of the empty tree. */
  public static final Sha256Hash EMPTY_ROOT =
      Sha256Hash.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /** Validates and copies. */
  public ProvenanceHead {
    requireNonNull(root, "root");
    frontier = List.copyOf(requireNonNull(frontier, "frontier"));
    requireNonNull(lastAt, "lastAt");
    if (size < 0 || frontier.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException("a log of " + size + " entries has a frontier of "
          + Long.bitCount(Math.max(0, size)) + " hashes, got " + frontier.size());
    }
  }

  /** The head of an empty log. */
  public static ProvenanceHead empty() {
    return new ProvenanceHead(0, EMPTY_ROOT, List.of(), Instant.EPOCH);
  }
}
