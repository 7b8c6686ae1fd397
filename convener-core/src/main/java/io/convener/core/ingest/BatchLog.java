package io.convener.core.ingest;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.gate.ProvenanceRecorder.Recorded;
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.core.internal.provenance.CanonicalEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The provenance entries of one ingestion run's batches: each batch's rows and an {@code
 * ingest.batch} entry that states what they were ({@link BatchCounts}) commit in one store
 * transaction, so that whatever a crash leaves stored is accounted for by the log. Each entry uses
 * the run's entity, is caused by the entry of the batch before it, and digests the run id, the
 * batch's position, kind, size and a SHA-256 of its ids in input order. Not thread-safe: one per
 * run, used by the run's one writer.
 */
final class BatchLog {
  private final ProvenanceRecorder recorder;
  private final TenantId tenant;
  private final IngestRun run;
  private long index;
  private OptionalLong previous = OptionalLong.empty();

  BatchLog(ProvenanceRecorder recorder, TenantId tenant, IngestRun run) {
    this.recorder = requireNonNull(recorder, "recorder");
    this.tenant = requireNonNull(tenant, "tenant");
    this.run = requireNonNull(run, "run");
  }

  /** What a batch's work wrote, as counts for the entry at the batch's position. */
  @FunctionalInterface
  interface Counter<R> {
    BatchCounts counts(R written, long index);
  }

  /**
   * Runs {@code work} (the batch's store writes) and appends the batch's entry in one transaction.
   *
   * @param kind {@code members} or {@code events}
   * @param size how many records the batch holds
   * @param ids the hex SHA-256 of the batch's ids, in input order
   * @return what {@code work} returned
   * @throws io.convener.api.StorageException when the store fails; nothing of the batch is then stored
   */
  <R> R commit(String kind, int size, String ids, Supplier<R> work, Counter<R> counter) {
    long at = index;
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("run", run.id());
    inputs.put("batch", at);
    inputs.put("kind", kind);
    inputs.put("size", size);
    inputs.put("ids", ids);
    Sha256Hash digest = CanonicalEntry.digest(inputs);
    Recorded<R> done = recorder.recordWith(tenant, work, written -> EntryDraft
        .of(run.agent(), BatchCounts.ACTIVITY, digest, Outcome.ok())
        .withUsed(List.of(run.entity()))
        .withGenerated(List.of(counter.counts(written, at).entity()))
        .withCausedBy(previous));
    index++;
    previous = OptionalLong.of(done.sequence());
    return done.result();
  }

  /** How many batches committed so far. */
  long batches() {
    return index;
  }
}
