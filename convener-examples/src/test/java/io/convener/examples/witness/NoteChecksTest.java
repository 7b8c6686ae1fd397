package io.convener.examples.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.TreeHead;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.merkle.InMemoryLeafHashes;
import io.convener.core.internal.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The witness's own checks against Convener's: every consistency proof Convener's tree makes is
 * accepted, and any proof with a changed hash, a dropped or extra hash, or swapped roots is
 * refused; signatures and verifier keys made by Convener's signer are accepted, others refused.
 */
class NoteChecksTest {
  @RepeatedTest(20)
  void acceptsConvenersConsistencyProofsAndRefusesAnyChange(RepetitionInfo info) {
    long seed = 0x5EED_0000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    int n = 2 + random.nextInt(300);
    for (int i = 0; i < n; i++) {
      leaves.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    MerkleTree tree = new MerkleTree(leaves);
    for (int trial = 0; trial < 20; trial++) {
      long size2 = 2 + random.nextInt(n - 1);
      long size1 = 1 + random.nextInt((int) size2 - 1);
      ConsistencyProof proof = tree.consistencyProof(size1, size2);
      Sha256Hash root1 = tree.rootHash(size1);
      Sha256Hash root2 = tree.rootHash(size2);
      String where = "seed " + seed + ", sizes " + size1 + " and " + size2;
      assertThat(NoteChecks.consistent(size1, size2, proof.hashes(), root1, root2)).as(where).isTrue();
      assertThat(NoteChecks.consistent(size1, size2, proof.hashes(), root2, root1)).as(where).isFalse();
      List<Sha256Hash> changed = new ArrayList<>(proof.hashes());
      int at = random.nextInt(changed.size());
      byte[] bytes = changed.get(at).bytes();
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      changed.set(at, Sha256Hash.of(bytes));
      assertThat(NoteChecks.consistent(size1, size2, changed, root1, root2)).as(where).isFalse();
      assertThat(NoteChecks.consistent(size1, size2, proof.hashes().subList(0, proof.hashes().size() - 1), root1, root2))
          .as(where).isFalse();
      List<Sha256Hash> longer = new ArrayList<>(proof.hashes());
      longer.add(root1);
      assertThat(NoteChecks.consistent(size1, size2, longer, root1, root2)).as(where).isFalse();
    }
  }

  @Test
  void checksSignaturesWithTheVerifierKeyConvenerPublishes() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    TreeHead head = new TreeHead(TenantId.of("acme"), 3, Sha256Hash.of(new byte[32]), Instant.parse("2026-11-02T09:00:00Z"));
    Checkpoint signed = CheckpointSigner.sign(head, "convener-acme", keys);
    NoteChecks.VerifierKey key = NoteChecks.parseKey(CheckpointSigner.verifierKey("convener-acme", keys.getPublic()));
    assertThat(NoteChecks.signedBy(signed, key)).isTrue();
    assertThat(NoteChecks.signedBy(CheckpointSigner.sign(head, "convener-acme", other), key)).isFalse();
    TreeHead moved = new TreeHead(head.tenant(), 4, head.root(), head.timestamp());
    assertThat(NoteChecks.signedBy(new Checkpoint(moved, signed.keyName(), signed.keyId(), signed.signature()), key))
        .as("a changed size").isFalse();
  }
}
