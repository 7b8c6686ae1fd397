package io.convener.core.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.TreeHead;
import io.convener.core.internal.json.CanonicalJson;
import io.convener.core.internal.merkle.InMemoryLeafHashes;
import io.convener.core.internal.merkle.MerkleHash;
import io.convener.core.internal.merkle.MerkleTree;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tamper suite: a log of canonical JSON entries, a checkpoint signed when it had {@value
 * #SAVED} entries, and every way to alter those entries afterwards, with and without new entries
 * appended, each caught both against the log itself and by an auditor who has only checkpoints and
 * a consistency proof.
 */
class CheckpointVerifierTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final int SAVED = 100;
  private static final KeyPair KEYS = CheckpointSignerTest.newKeys();

  private final List<Map<String, Object>> log = entries(0, SAVED);
  private final Checkpoint saved = checkpoint(log, KEYS);

  @Test
  void anUntouchedLogAndItsGrowthPass() {
    List<Map<String, Object>> grown = new ArrayList<>(log);
    grown.addAll(entries(SAVED, 37));
    MerkleTree tree = treeOf(grown);
    Checkpoint current = checkpoint(grown, KEYS);

    assertThatCode(() -> CheckpointVerifier.checkPrefixOf(saved, treeOf(log))).doesNotThrowAnyException();
    assertThatCode(() -> CheckpointVerifier.checkPrefixOf(saved, tree)).doesNotThrowAnyException();
    assertThatCode(() -> CheckpointVerifier.checkConsistent(saved, current, tree.consistencyProof(SAVED, grown.size())))
        .doesNotThrowAnyException();
    assertThatCode(() -> CheckpointVerifier.checkConsistent(saved, saved, new ConsistencyProof(SAVED, SAVED, List.of())))
        .doesNotThrowAnyException();
  }

  @Test
  void memberOrderIsNotTamperingBecauseEntriesAreCanonical() {
    List<Map<String, Object>> reordered = new ArrayList<>();
    for (Map<String, Object> e : log) {
      List<String> keys = new ArrayList<>(e.keySet());
      Collections.reverse(keys);
      Map<String, Object> copy = new LinkedHashMap<>();
      keys.forEach(k -> copy.put(k, e.get(k)));
      reordered.add(copy);
    }

    assertThatCode(() -> CheckpointVerifier.checkPrefixOf(saved, treeOf(reordered))).doesNotThrowAnyException();
  }

  static List<Arguments> tampering() {
    List<Arguments> cases = new ArrayList<>();
    for (int at : new int[] {0, 41, SAVED - 1}) {
      cases.add(Arguments.of("change entry " + at, edit(l -> { l.set(at, with(l.get(at), "actor", "mallory")); return l; })));
      cases.add(Arguments.of("change a number in entry " + at, edit(l -> { l.set(at, with(l.get(at), "weight", 2.5000001)); return l; })));
      cases.add(Arguments.of("delete entry " + at, edit(l -> { l.remove(at); return l; })));
      cases.add(Arguments.of("insert before entry " + at, edit(l -> { l.add(at, entry(9999)); return l; })));
      if (at < SAVED - 1) {
        cases.add(Arguments.of("swap entries " + at + " and " + (at + 1), edit(l -> { l.add(at, l.remove(at + 1)); return l; })));
      }
    }
    cases.add(Arguments.of("swap first and last", edit(l -> { Map<String, Object> f = l.get(0); l.set(0, l.get(SAVED - 1)); l.set(SAVED - 1, f); return l; })));
    cases.add(Arguments.of("truncate the tail, then append as many new", edit(l -> {
      l.subList(90, SAVED).clear();
      l.addAll(entries(5000, 10));
      return l;
    })));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampering")
  void everyTamperingIsCaughtAgainstTheLogAndByAnAuditor(String what, UnaryOperator<List<Map<String, Object>>> tamper) {
    for (int appended : new int[] {0, 25}) {
      List<Map<String, Object>> tampered = tamper.apply(new ArrayList<>(log));
      tampered.addAll(entries(SAVED + 1000, appended));
      MerkleTree tree = treeOf(tampered);

      assertThatThrownBy(() -> CheckpointVerifier.checkPrefixOf(saved, tree))
          .as("%s, %d appended", what, appended)
          .isInstanceOf(IntegrityException.class);
      if (tampered.size() > SAVED) {
        // Whoever altered the log, even holding the signing key, cannot prove the new one extends the old.
        Checkpoint resigned = checkpoint(tampered, KEYS);
        ConsistencyProof proof = tree.consistencyProof(SAVED, tampered.size());
        assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(saved, resigned, proof))
            .as("%s, %d appended", what, appended)
            .isInstanceOf(IntegrityException.class);
      }
    }
  }

  @Test
  void aTruncatedTailIsNamedFromItsFirstMissingEntry() {
    MerkleTree tree = treeOf(log.subList(0, 93));
    Checkpoint current = checkpoint(log.subList(0, 93), KEYS);

    assertThatThrownBy(() -> CheckpointVerifier.checkPrefixOf(saved, tree))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("has 93 entries")
        .hasMessageContaining("commits to 100")
        .hasMessageContaining("from index 93 on were removed");
    assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(saved, current, new ConsistencyProof(93, 93, List.of())))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("shrank from 100 entries to 93");
  }

  @Test
  void aLogRewrittenAndResignedWithoutTheKeyIsCaught() {
    List<Map<String, Object>> rewritten = new ArrayList<>(log);
    rewritten.set(7, with(log.get(7), "actor", "mallory"));
    Checkpoint forged = checkpoint(rewritten, CheckpointSignerTest.newKeys());

    assertThatThrownBy(() -> CheckpointVerifier.checkSignature(forged, KEYS.getPublic()))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> CheckpointVerifier.checkPrefixOf(saved, treeOf(rewritten)))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("no longer hash to the root");
  }

  @Test
  void anAuditorRefusesProofsThatDoNotFitTheCheckpoints() {
    List<Map<String, Object>> grown = new ArrayList<>(log);
    grown.addAll(entries(SAVED, 50));
    MerkleTree tree = treeOf(grown);
    Checkpoint current = checkpoint(grown, KEYS);
    Checkpoint otherTenant = CheckpointSigner.sign(
        new TreeHead(TenantId.of("globex"), 150, current.root(), Instant.EPOCH), "k", KEYS);

    assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(saved, current, tree.consistencyProof(SAVED - 1, 150)))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("proof is from 99 to 150");
    assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(saved, otherTenant, tree.consistencyProof(SAVED, 150)))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("two logs");
    Checkpoint emptyWithRoot = checkpoint(List.of(), KEYS);
    Checkpoint emptyWrongRoot = CheckpointSigner.sign(new TreeHead(ACME, 0, current.root(), Instant.EPOCH), "k", KEYS);
    assertThatCode(() -> CheckpointVerifier.checkConsistent(emptyWithRoot, current, new ConsistencyProof(0, 150, List.of())))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(emptyWrongRoot, current, new ConsistencyProof(0, 150, List.of())))
        .isInstanceOf(IntegrityException.class);
    Checkpoint wrongRoot = CheckpointSigner.sign(
        new TreeHead(ACME, 150, Sha256Hash.of(MerkleHash.emptyRoot()), Instant.EPOCH), "k", KEYS);
    assertThatThrownBy(() -> CheckpointVerifier.checkConsistent(saved, wrongRoot, tree.consistencyProof(SAVED, 150)))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("root2");
  }

  private static UnaryOperator<List<Map<String, Object>>> edit(UnaryOperator<List<Map<String, Object>>> f) {
    return f;
  }

  private static Checkpoint checkpoint(List<Map<String, Object>> entries, KeyPair keys) {
    MerkleTree tree = treeOf(entries);
    return CheckpointSigner.sign(new TreeHead(ACME, entries.size(), tree.rootHash(entries.size()),
        Instant.parse("2026-11-02T09:00:00Z")), "acme-log", keys);
  }

  private static MerkleTree treeOf(List<Map<String, Object>> entries) {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    entries.forEach(e -> leaves.appendEntry(CanonicalJson.toBytes(e)));
    return new MerkleTree(leaves);
  }

  private static List<Map<String, Object>> entries(int from, int count) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(entry(i));
    }
    return out;
  }

  private static Map<String, Object> entry(int i) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("seq", (long) i);
    e.put("activity", "recommendation");
    e.put("actor", "member-" + (i % 7));
    e.put("weight", 2.5);
    e.put("used", List.of("event-" + i, "consent-" + (i / 3)));
    return e;
  }

  private static Map<String, Object> with(Map<String, Object> entry, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(entry);
    copy.put(key, value);
    return copy;
  }
}
