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
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.MemberStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects parsed lines into batches and writes each full batch in one store transaction together
 * with the batch's provenance entry ({@link BatchLog}), counting what happened to every line. In
 * the same transaction as each event batch, hands its consent events to the {@link
 * ConsentEventSink}: those the store took as new, and those it reported as duplicates (which the
 * sink records only if an earlier ingestion stopped before recording them). Once a batch
 * committed, tells the {@link IngestFeed} of its members, or of the events the store took as new.
 * Not thread-safe: one writer per ingestion.
 */
final class BatchWriter {
  private final TenantId tenant;
  private final MemberStore memberStore;
  private final EventStore eventStore;
  private final ConsentEventSink consent;
  private final IngestFeed feed;
  private final int batchSize;
  private final BatchLog log;

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
      int batchSize,
      BatchLog log) {
    this.tenant = tenant;
    this.memberStore = memberStore;
    this.eventStore = eventStore;
    this.consent = consent;
    this.feed = feed;
    this.batchSize = batchSize;
    this.log = log;
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
    long added;
    try {
      added = log.commit("members", members.size(), idsDigest(members, m -> m.id().value()), () -> {
        long before = memberStore.count(tenant);
        memberStore.upsert(tenant, members);
        return memberStore.count(tenant) - before;
      }, (n, index) -> new BatchCounts(index, n, members.size(), 0, 0, 0));
    } catch (StorageException e) {
      throw new StorageException(progress("storing members"), e);
    }
    memberCount += members.size();
    feed.membersUpserted(tenant, members);
    members.clear();
  }

  /** What an event batch wrote. */
  private record Written(InsertResult result, List<Event> stored, List<Event> duplicates, long consentEvents) {}

  private void flushEvents() {
    if (events.isEmpty()) {
      return;
    }
    Written written;
    try {
      written = log.commit("events", events.size(), idsDigest(events, e -> e.id().value()), this::writeEvents,
          (w, index) -> new BatchCounts(index, 0, 0, w.result().inserted(), w.result().duplicates().size(),
              w.consentEvents()));
    } catch (StorageException e) {
      throw new StorageException(progress("storing events"), e);
    }
    eventCount += written.result().inserted();
    duplicateCount += written.result().duplicates().size();
    feed.eventsStored(tenant, written.stored(), written.result().change());
    events.clear();
  }

  /** The store writes of an event batch; run inside the batch's transaction, perhaps more than once. */
  private Written writeEvents() {
    InsertResult result = eventStore.insert(tenant, events);
    List<Event> stored = new ArrayList<>(result.inserted());
    List<Event> duplicates = new ArrayList<>(result.duplicates().size());
    split(result, stored, duplicates);
    long consentEvents = feedConsent(stored, duplicates);
    return new Written(result, stored, duplicates, consentEvents);
  }

  /** The hex SHA-256 of the ids of a batch, one per line, in input order. */
  private static <T> String idsDigest(List<T> batch, Function<T, String> id) {
    MessageDigest digest = DefaultIngestService.sha256();
    for (T t : batch) {
      digest.update(id.apply(t).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
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

  /**
   * Hands the consent events among the stored and the duplicate ones to the consent sink.
   *
   * @return how many it handed over
   */
  private long feedConsent(List<Event> stored, List<Event> duplicates) {
    List<Event> newConsent = stored.stream().filter(e -> e.kind() == EventKind.CONSENT).toList();
    List<Event> oldConsent = duplicates.stream().filter(e -> e.kind() == EventKind.CONSENT).toList();
    if (newConsent.isEmpty() && oldConsent.isEmpty()) {
      return 0;
    }
    consent.stored(tenant, newConsent, oldConsent);
    return newConsent.size() + (long) oldConsent.size();
  }

  private String progress(String what) {
    return what + " failed after " + memberCount + " members and " + eventCount + " new events were committed in "
        + log.batches() + " batches, each with its provenance entry; ingesting the same input again takes exactly"
        + " the rest";
  }
}
