package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.internal.checkpoint.CheckpointVerifier;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StoredRows;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a tenant's stored log in one pass, page by page, in sequence order. For each row it
 * checks, in order, and stops at the first problem it can pin to an entry:
 *
 * <ol>
 *   <li>the sequence is the next one (a gap: an entry was deleted, or the log renumbered);
 *   <li>the entry's canonical form, recomputed from the row's fields, hashes to the stored leaf
 *       hash (a changed field; a row moved to another sequence);
 *   <li>its time is not before the previous entry's (reordered);
 *   <li>the root over the recomputed leaves so far is the root stored with the row (an entry
 *       inserted, removed or rewritten with a consistent leaf hash).
 * </ol>
 *
 * Then the head must have as many entries and the same root (a truncated or extended tail), and
 * every checkpoint (those kept in the store and the one given) must verify with the tenant's key
 * and commit to a prefix of the recomputed log: a checkpoint for more entries than remain names
 * the first missing one; a root that differs names the end of the last checkpoint that matched
 * (the earliest entry that may have changed). Needs memory for the frontier only. Thread-safe.
 */
final class LogVerifier {
  /** Rows read per page. */
  static final int PAGE = 1000;

  private final ProvenanceStore store;
  private final Function<TenantId, Snapshot> snapshots;

  /**
   * A verifier of the stored log.
   *
   * @param snapshots reads a tenant's head and stored row counts together
   */
  LogVerifier(ProvenanceStore store, Function<TenantId, Snapshot> snapshots) {
    this.store = requireNonNull(store, "store");
    this.snapshots = requireNonNull(snapshots, "snapshots");
  }

  /** A tenant's head, and its stored row counts at the same time (empty if the store cannot count). */
  record Snapshot(ProvenanceHead head, Optional<StoredRows> rows) {}

  /**
   * The head to check the scanned rows against: the snapshot's, unless the scan read more rows than
   * it holds and the head stored now holds exactly those (entries appended while the log was being
   * read, by this process's relay for one). Rows beyond a head that did not move stay a problem.
   */
  private ProvenanceHead headAfterScan(TenantId tenant, ProvenanceHead snapshot, long scanned) {
    if (scanned <= snapshot.size()) {
      return snapshot;
    }
    ProvenanceHead now = store.head(tenant);
    return now.size() == scanned ? now : snapshot;
  }

  /** A problem at an entry, or (entry -1) not tied to one. */
  private record Problem(long entry, String reason) {}

  VerificationResult verify(TenantId tenant, List<Checkpoint> checkpoints, PublicKey key) {
    Snapshot snapshot = snapshots.apply(tenant);
    ProvenanceHead head = snapshot.head();
    Coverage coverage = new Coverage();
    List<Checkpoint> sorted = new ArrayList<>(checkpoints);
    sorted.sort(Comparator.comparingLong(Checkpoint::treeSize).thenComparing(Checkpoint::timestamp));
    TreeSet<Long> sizes = new TreeSet<>();
    sorted.forEach(c -> sizes.add(c.treeSize()));
    Map<Long, Sha256Hash> roots = new HashMap<>();
    roots.put(0L, ProvenanceHead.EMPTY_ROOT);

    MerkleAccumulator tree = new MerkleAccumulator();
    Problem problem = null;
    long expected = 0;
    Instant previous = Instant.MIN;
    long from = 0;
    scan:
    while (true) {
      List<ProvenanceRow> page;
      try {
        page = store.range(tenant, from, PAGE);
      } catch (RuntimeException e) {
        page = readOneByOne(tenant, from);
        if (page.isEmpty()) {
          problem = new Problem(expected, "entry " + expected + " cannot be read as a provenance entry: a field was"
              + " changed to a value Convener never writes");
          break;
        }
      }
      if (page.isEmpty()) {
        break;
      }
      for (ProvenanceRow row : page) {
        problem = check(row, expected, previous, tree);
        if (problem != null) {
          break scan;
        }
        previous = row.entry().at();
        if (expected < head.size()) {
          coverage.add(row.entry());
        }
        expected++;
        if (sizes.contains(expected)) {
          roots.put(expected, tree.rootHash());
        }
      }
      from = page.get(page.size() - 1).sequence() + 1;
    }
    long entries = store.count(tenant);
    if (problem == null) {
      problem = checkHead(headAfterScan(tenant, head, expected), expected, tree);
    }
    Problem checkpointProblem = checkCheckpoints(sorted, key, expected, roots, problem == null);
    if (problem == null) {
      problem = checkpointProblem;
    }
    if (problem == null && snapshot.rows().isPresent()) {
      problem = coverage.problem(snapshot.rows().get()).map(reason -> new Problem(-1, reason)).orElse(null);
    }
    if (problem == null) {
      return VerificationResult.ok(entries);
    }
    return problem.entry() < 0
        ? VerificationResult.failed(entries, problem.reason())
        : VerificationResult.failed(entries, problem.entry(), problem.reason());
  }

  /** The rows from {@code from} on up to the first that cannot be read. */
  private List<ProvenanceRow> readOneByOne(TenantId tenant, long from) {
    List<ProvenanceRow> rows = new ArrayList<>();
    long next = from;
    for (int i = 0; i < PAGE; i++) {
      List<ProvenanceRow> one;
      try {
        one = store.range(tenant, next, 1);
      } catch (RuntimeException e) {
        break;
      }
      if (one.isEmpty()) {
        break;
      }
      rows.add(one.get(0));
      next = one.get(0).sequence() + 1;
    }
    return rows;
  }

  private static @Nullable Problem check(ProvenanceRow row, long expected, Instant previous, MerkleAccumulator tree) {
    long seq = row.sequence();
    if (seq != expected) {
      return new Problem(expected, "entry " + expected + " is missing (the next stored entry is " + seq
          + "): it was deleted, or the log was renumbered");
    }
    Sha256Hash leaf = CanonicalEntry.leafHash(row.entry());
    if (!leaf.equals(row.leafHash())) {
      return new Problem(expected, "entry " + expected + " no longer matches its leaf hash: a field was changed,"
          + " or the entry was moved here from elsewhere");
    }
    if (row.entry().at().isBefore(previous)) {
      return new Problem(expected, "entry " + expected + " is dated before the entry before it: entries were reordered");
    }
    tree.append(leaf.bytes());
    if (!tree.rootHash().equals(row.rootAfter())) {
      return new Problem(expected, "the Merkle root after entry " + expected + " is not the one stored with it: an"
          + " entry up to here was inserted, removed, reordered or rewritten");
    }
    return null;
  }

  private static @Nullable Problem checkHead(ProvenanceHead head, long entries, MerkleAccumulator tree) {
    if (head.size() > entries) {
      return new Problem(entries, "the log's head counts " + head.size() + " entries but only " + entries
          + " are stored: entries from " + entries + " on were removed");
    }
    if (head.size() < entries) {
      return new Problem(head.size(), "the log holds " + entries + " entries but its head counts " + head.size()
          + ": entries from " + head.size() + " on were added behind the log's back");
    }
    if (!head.root().equals(tree.rootHash())) {
      return new Problem(-1, "the root stored in the log's head is not the root of its entries: the head was changed");
    }
    return null;
  }

  /** The first checkpoint problem: a bad signature first, then the lowest entry. */
  private static @Nullable Problem checkCheckpoints(
      List<Checkpoint> checkpoints, PublicKey key, long entries, Map<Long, Sha256Hash> roots, boolean rowsOk) {
    long lastGood = 0;
    for (Checkpoint c : checkpoints) {
      try {
        CheckpointVerifier.checkSignature(c, key);
      } catch (IntegrityException | IllegalArgumentException e) {
        return new Problem(-1, e.getMessage());
      }
    }
    if (!rowsOk) {
      return null;
    }
    for (Checkpoint c : checkpoints) {
      if (c.treeSize() > entries) {
        return new Problem(entries, "the checkpoint of " + c.timestamp() + " commits to " + c.treeSize()
            + " entries, but the log has " + entries + ": entries from " + entries + " on were removed");
      }
      Sha256Hash root = roots.get(c.treeSize());
      if (root == null || !root.equals(c.root())) {
        return new Problem(lastGood, "the first " + c.treeSize() + " entries no longer hash to the root of the checkpoint of "
            + c.timestamp() + ": an entry from " + lastGood + " to " + (c.treeSize() - 1)
            + " was changed, removed, inserted or moved, and the stored hashes rewritten to hide it");
      }
      lastGood = c.treeSize();
    }
    return null;
  }
}
