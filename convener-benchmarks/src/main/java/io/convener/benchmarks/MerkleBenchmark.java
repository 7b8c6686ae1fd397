package io.convener.benchmarks;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ConsistencyProof;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.TreeHead;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.checkpoint.CheckpointVerifier;
import io.convener.core.internal.merkle.InMemoryLeafHashes;
import io.convener.core.internal.merkle.MerkleAccumulator;
import io.convener.core.internal.merkle.MerkleHash;
import io.convener.core.internal.merkle.MerkleTree;
import io.convener.core.internal.merkle.MerkleVerifier;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tamper-evidence core of the provenance log at 10^6 entries, leaf hashes in memory: inclusion
 * proofs made and verified for random leaves, consistency proofs made and verified from a random
 * earlier size, the incremental root's append rate, and an Ed25519 checkpoint signature check.
 * Proof generation runs on a tree whose subtree cache is warm (filled once in setup, as a running
 * log's would be); verification is the RFC 9162 algorithm alone, about 20 SHA-256 for 10^6
 * leaves. Single-threaded.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -jar convener-benchmarks/target/benchmarks.jar MerkleBenchmark
 * }</pre>
 *
 * For a quick look, add {@code -f 1 -wi 2 -i 3}; for another size, {@code -p leaves=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MerkleBenchmark {
  private static final int SAMPLES = 4096;

  /** Leaves in the tree. */
  @Param({"1000000"})
  public int leaves;

  private MerkleTree tree;
  private byte[] root;
  private long[] indexes;
  private byte[][] leafHashes;
  private List<List<byte[]>> inclusionPaths;
  private long[] earlierSizes;
  private byte[][] earlierRoots;
  private List<List<byte[]>> consistencyPaths;
  private Checkpoint checkpoint;
  private KeyPair keys;
  private MerkleAccumulator accumulator;
  private byte[][] appendHashes;
  private int next;

  /** Builds the tree, warms its cache, and prepares proofs for {@value #SAMPLES} random leaves. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    InMemoryLeafHashes hashes = new InMemoryLeafHashes();
    for (long i = 0; i < leaves; i++) {
      hashes.appendEntry(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
    }
    tree = new MerkleTree(hashes);
    root = tree.rootHash(leaves).bytes();
    SplittableRandom random = new SplittableRandom(42);
    indexes = new long[SAMPLES];
    leafHashes = new byte[SAMPLES][];
    inclusionPaths = new ArrayList<>(SAMPLES);
    earlierSizes = new long[SAMPLES];
    earlierRoots = new byte[SAMPLES][];
    consistencyPaths = new ArrayList<>(SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      indexes[i] = random.nextLong(leaves);
      leafHashes[i] = hashes.leafHash(indexes[i]);
      inclusionPaths.add(bytes(tree.inclusionProof(indexes[i], leaves).hashes()));
      earlierSizes[i] = 1 + random.nextLong(leaves - 1);
      earlierRoots[i] = tree.rootHash(earlierSizes[i]).bytes();
      consistencyPaths.add(bytes(tree.consistencyProof(earlierSizes[i], leaves).hashes()));
    }
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    checkpoint = CheckpointSigner.sign(
        new TreeHead(TenantId.of("bench"), leaves, Sha256Hash.of(root), Instant.now()), "bench", keys);
    accumulator = new MerkleAccumulator();
    appendHashes = new byte[SAMPLES][];
    for (int i = 0; i < SAMPLES; i++) {
      appendHashes[i] = MerkleHash.leafHash(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
    }
  }

  /** An inclusion proof for a random leaf of the whole tree. */
  @Benchmark
  public InclusionProof inclusionProofGenerate() {
    return tree.inclusionProof(indexes[nextSample()], leaves);
  }

  /** Verifies a prepared inclusion proof against the root (RFC 9162 §2.1.3.2). */
  @Benchmark
  public boolean inclusionProofVerify() {
    int i = nextSample();
    return MerkleVerifier.verifyInclusion(indexes[i], leaves, leafHashes[i], inclusionPaths.get(i), root);
  }

  /** A consistency proof from a random earlier size to the whole tree. */
  @Benchmark
  public ConsistencyProof consistencyProofGenerate() {
    return tree.consistencyProof(earlierSizes[nextSample()], leaves);
  }

  /** Verifies a prepared consistency proof against both roots (RFC 9162 §2.1.4.2). */
  @Benchmark
  public boolean consistencyProofVerify() {
    int i = nextSample();
    return MerkleVerifier.verifyConsistency(earlierSizes[i], leaves, consistencyPaths.get(i), earlierRoots[i], root);
  }

  /** Verifies the Ed25519 signature of a checkpoint with the JDK's provider. */
  @Benchmark
  public boolean checkpointSignatureVerify() {
    return CheckpointVerifier.verifySignature(checkpoint, keys.getPublic());
  }

  /** Appends one leaf hash to the incremental root (the accumulator grows through the run). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long accumulatorAppend() {
    return accumulator.append(appendHashes[nextSample()]);
  }

  private int nextSample() {
    next = (next + 1) & (SAMPLES - 1);
    return next;
  }

  private static List<byte[]> bytes(List<Sha256Hash> hashes) {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (Sha256Hash h : hashes) {
      out.add(h.bytes());
    }
    return out;
  }
}
