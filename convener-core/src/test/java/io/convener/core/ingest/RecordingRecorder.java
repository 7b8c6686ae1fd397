package io.convener.core.ingest;

import io.convener.api.TenantId;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import java.util.ArrayList;
import java.util.List;

/** A provenance recorder that keeps the drafts it is given, numbered from 0; thread-safe. */
final class RecordingRecorder implements ProvenanceRecorder {
  final List<EntryDraft> drafts = new ArrayList<>();

  @Override
  public synchronized long record(TenantId tenant, EntryDraft draft) {
    drafts.add(draft);
    return drafts.size() - 1L;
  }

  @Override
  public synchronized List<Long> recordAll(TenantId tenant, List<EntryDraft> all) {
    List<Long> sequences = new ArrayList<>();
    all.forEach(d -> sequences.add(record(tenant, d)));
    return sequences;
  }

  synchronized List<EntryDraft> drafts() {
    return List.copyOf(drafts);
  }
}
