package io.convener.core.ingest;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.Rejection;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects parsed lines into batches and writes each full batch in one store call, counting what
 * happened to every line. Not thread-safe: one writer per ingestion.
 */
final class BatchWriter {
  private final TenantId tenant;
  private final MemberStore memberStore;
  private final EventStore eventStore;
  private final int batchSize;

  private final List<Member> members;
  private final List<Event> events;
  private final List<Rejection> rejected = new ArrayList<>();
  private long memberCount;
  private long eventCount;
  private long duplicateCount;
  private long rejectedCount;

  BatchWriter(TenantId tenant, MemberStore memberStore, EventStore eventStore, int batchSize) {
    this.tenant = tenant;
    this.memberStore = memberStore;
    this.eventStore = eventStore;
    this.batchSize = batchSize;
    this.members = new ArrayList<>(batchSize);
    this.events = new ArrayList<>(batchSize);
  }

  void accept(ParsedLine line) {
    if (line instanceof ParsedLine.MemberLine m) {
      members.add(m.member());
      if (members.size() >= batchSize) {
        flushMembers();
      }
    } else if (line instanceof ParsedLine.EventLine e) {
      events.add(e.event());
      if (events.size() >= batchSize) {
        flushEvents();
      }
    } else if (line instanceof ParsedLine.Rejected r) {
      rejectedCount++;
      if (rejected.size() < IngestReport.MAX_LISTED_REJECTIONS) {
        rejected.add(r.rejection());
      }
    }
  }

  IngestReport finish() {
    flushMembers();
    flushEvents();
    return new IngestReport(memberCount, eventCount, duplicateCount, rejected, rejectedCount);
  }

  private void flushMembers() {
    if (members.isEmpty()) {
      return;
    }
    try {
      memberStore.upsert(tenant, members);
    } catch (StorageException e) {
      throw new StorageException(progress("storing members"), e);
    }
    memberCount += members.size();
    members.clear();
  }

  private void flushEvents() {
    if (events.isEmpty()) {
      return;
    }
    InsertResult result;
    try {
      result = eventStore.insert(tenant, events);
    } catch (StorageException e) {
      throw new StorageException(progress("storing events"), e);
    }
    eventCount += result.inserted();
    duplicateCount += result.duplicates().size();
    events.clear();
  }

  private String progress(String what) {
    return what + " failed after " + memberCount + " members and " + eventCount
        + " new events were committed; ingesting the same input again takes exactly the rest";
  }
}
