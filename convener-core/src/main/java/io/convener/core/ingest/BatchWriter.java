package io.convener.core.ingest;

import io.convener.api.EventId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.Rejection;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.consent.ConsentEventSink;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects parsed lines into batches and writes each full batch in one store call, counting what
 * happened to every line. After each event batch, hands its consent events to the {@link
 * ConsentEventSink}: those the store took as new, and those it reported as duplicates (which the
 * sink records only if an earlier ingestion stopped before recording them); then tells the {@link
 * IngestFeed} of every member batch and of the events the store took as new. Not thread-safe: one
 * writer per ingestion.
 */
final class BatchWriter {
  private final TenantId tenant;
  private final MemberStore memberStore;
  private final EventStore eventStore;
  private final ConsentEventSink consent;
  private final IngestFeed feed;
  private final int batchSize;

  private final List<Member> members;
  private final List<Event> events;
  private final List<Rejection> rejected = new ArrayList<>();
  private long memberCount;
  private long eventCount;
  private long duplicateCount;
  private long rejectedCount;

  BatchWriter(
      TenantId tenant,
      MemberStore memberStore,
      EventStore eventStore,
      ConsentEventSink consent,
      IngestFeed feed,
      int batchSize) {
    this.tenant = tenant;
    this.memberStore = memberStore;
    this.eventStore = eventStore;
    this.consent = consent;
    this.feed = feed;
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
    feed.membersUpserted(tenant, members);
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
    List<Event> stored = new ArrayList<>(result.inserted());
    List<Event> duplicates = new ArrayList<>(result.duplicates().size());
    split(result, stored, duplicates);
    try {
      feedConsent(stored, duplicates);
    } catch (StorageException e) {
      throw new StorageException(progress("recording consent"), e);
    }
    feed.eventsStored(tenant, stored);
    events.clear();
  }

  /**
   * Splits the batch into the events stored as new and the first occurrences of those that were
   * duplicates. The store takes the first occurrence of an id in a batch unless the tenant already
   * had it, and reports every other occurrence: so the first occurrence was new exactly when the id
   * is reported fewer times than it occurs.
   */
  private void split(InsertResult result, List<Event> stored, List<Event> duplicates) {
    if (result.duplicates().isEmpty()) {
      stored.addAll(events);
      return;
    }
    Map<EventId, Integer> occurrences = new HashMap<>();
    events.forEach(e -> occurrences.merge(e.id(), 1, Integer::sum));
    Map<EventId, Integer> reported = new HashMap<>();
    result.duplicates().forEach(id -> reported.merge(id, 1, Integer::sum));
    Set<EventId> seen = new HashSet<>();
    for (Event e : events) {
      if (!seen.add(e.id())) {
        continue;
      }
      boolean isNew = reported.getOrDefault(e.id(), 0) < occurrences.get(e.id());
      (isNew ? stored : duplicates).add(e);
    }
  }

  /** Hands the consent events among the stored and the duplicate ones to the consent sink. */
  private void feedConsent(List<Event> stored, List<Event> duplicates) {
    List<Event> newConsent = stored.stream().filter(e -> e.kind() == EventKind.CONSENT).toList();
    List<Event> oldConsent = duplicates.stream().filter(e -> e.kind() == EventKind.CONSENT).toList();
    if (newConsent.isEmpty() && oldConsent.isEmpty()) {
      return;
    }
    consent.stored(tenant, newConsent, oldConsent);
  }

  private String progress(String what) {
    return what + " failed after " + memberCount + " members and " + eventCount
        + " new events were committed; ingesting the same input again takes exactly the rest";
  }
}
