package io.convener.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.InclusionProof;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.ConvenerModule;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.merkle.InMemoryLeafHashes;
import io.convener.core.internal.merkle.MerkleTree;
import io.convener.core.internal.merkle.MerkleVerifier;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The provenance log's write rate and its proof check.
 *
 * <ul>
 *   <li>{@code appendSingle}: one entry per store transaction, as the choke point writes one per
 *       call, through the {@link ProvenanceRecorder} (canonical form, leaf hash, root after the
 *       entry, compare-and-set on the head, the PROV rows) into an H2 or SQLite file database.
 *   <li>{@code appendBatched}: {@value #BATCH} entries per transaction ({@code recordAll}); the
 *       score is per entry.
 *   <li>{@code inclusionProofVerify}: an auditor's check that an entry is in a log of 10^6 entries:
 *       the entry's canonical form and leaf hash recomputed, then the RFC 9162 inclusion proof
 *       verified against the root. The tree is built in memory from 10^6 generated entries.
 * </ul>
 *
 * Entries are of the shape an ingestion writes: a principal with a role, one used and one generated
 * entity, an input digest. Single-threaded. Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -jar convener-benchmarks/target/benchmarks.jar ProvenanceBenchmark
 * }</pre>
 *
 * For a quick look, add {@code -f 1 -wi 2 -i 3}; for one database, {@code -p db=sqlite}.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProvenanceBenchmark {
  static final int BATCH = 100;

  static EntryDraft draft(long i) {
    Sha256Hash digest = CanonicalEntry.digest(Map.of("i", i));
    return new EntryDraft(new Agent(Agent.Kind.PRINCIPAL, "cli", Set.of(Role.ADMIN)), "ingest",
        List.of("input:sha256:" + digest.hex()), List.of("ingest-summary:members=0,events=" + i + ",duplicates=0,rejected=0"),
        digest, Outcome.ok(), OptionalLong.empty(), OptionalLong.empty());
  }

  /** An open store with a tenant whose log grows as the benchmark appends. */
  @State(Scope.Benchmark)
  public static class Store {
    /** The database: {@code h2} (file) or {@code sqlite}. */
    @Param({"h2", "sqlite"})
    public String db;

    Path dir;
    Convener convener;
    ProvenanceRecorder recorder;
    final TenantId tenant = TenantId.of("bench");
    final List<EntryDraft> batch = new ArrayList<>();
    EntryDraft single;

    /** Opens a new database in a temporary directory. */
    @Setup(Level.Trial)
    public void open() throws IOException {
      dir = Files.createTempDirectory("convener-provenance-bench");
      String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("h2db") : "jdbc:sqlite:" + dir.resolve("bench.db");
      Injector injector = Guice.createInjector(new ConvenerModule(), new JdbcStorageModule(JdbcSettings.of(url)));
      convener = injector.getInstance(Convener.class);
      convener.start();
      recorder = injector.getInstance(ProvenanceRecorder.class);
      for (int i = 0; i < BATCH; i++) {
        batch.add(draft(i));
      }
      single = draft(-1);
    }

    /** Closes the store and deletes the directory. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      convener.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** A log of 10^6 entries in memory, and proofs of random entries in it. */
  @State(Scope.Benchmark)
  public static class Million {
    static final int SAMPLES = 1024;

    /** Entries in the log. */
    @Param({"1000000"})
    public int entries;

    ProvenanceEntry[] sampled;
    InclusionProof[] proofs;
    Sha256Hash root;
    int next;

    static ProvenanceEntry entry(TenantId tenant, long i, Instant t0) {
      EntryDraft d = draft(i);
      return ProvenanceEntry.builder().tenant(tenant).sequence(i).at(t0.plusMillis(i)).agent(d.agent())
          .activity(d.activity()).used(d.used()).generated(d.generated()).inputDigest(d.inputDigest())
          .outcome(d.outcome()).build();
    }

    /** Hashes the entries into a tree and makes the proofs. */
    @Setup(Level.Trial)
    public void build() {
      TenantId tenant = TenantId.of("bench");
      Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
      InMemoryLeafHashes leaves = new InMemoryLeafHashes();
      for (long i = 0; i < entries; i++) {
        leaves.append(CanonicalEntry.leafHash(entry(tenant, i, t0)).bytes());
      }
      MerkleTree tree = new MerkleTree(leaves);
      root = tree.rootHash(entries);
      SplittableRandom random = new SplittableRandom(42);
      sampled = new ProvenanceEntry[SAMPLES];
      proofs = new InclusionProof[SAMPLES];
      for (int k = 0; k < SAMPLES; k++) {
        long i = random.nextLong(entries);
        sampled[k] = entry(tenant, i, t0);
        proofs[k] = tree.inclusionProof(i, entries);
      }
    }
  }

  /** One entry per transaction. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long appendSingle(Store s) {
    return s.recorder.record(s.tenant, s.single);
  }

  /** {@value #BATCH} entries per transaction; the score is entries per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public List<Long> appendBatched(Store s) {
    return s.recorder.recordAll(s.tenant, s.batch);
  }

  /** Recomputes a random entry's leaf hash and verifies its inclusion proof at 10^6 entries. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean inclusionProofVerify(Million m) {
    int k = m.next++ & (Million.SAMPLES - 1);
    Sha256Hash leaf = CanonicalEntry.leafHash(m.sampled[k]);
    if (!MerkleVerifier.verifyInclusion(m.proofs[k], leaf, m.root)) {
      throw new IllegalStateException("proof of entry " + m.sampled[k].sequence() + " does not verify");
    }
    return true;
  }
}
