package io.convener.core.ingest;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Map-backed stores for testing the readers and the batching in isolation. With {@code keep ==
 * false} events are only counted, so a test can push gigabytes through ingestion.
 */
final class MapStores implements MemberStore, EventStore {
  final Map<TenantId, Map<MemberId, Member>> members = new HashMap<>();
  final Map<TenantId, Map<EventId, Event>> events = new HashMap<>();
  final List<Integer> batchSizes = new ArrayList<>();
  private final boolean keep;
  long counted;

  MapStores(boolean keep) {
    this.keep = keep;
  }

  @Override
  public int upsert(TenantId tenant, Collection<Member> batch) {
    batch.forEach(m -> members.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(m.id(), m));
    return batch.size();
  }

  @Override
  public Optional<Member> find(TenantId tenant, MemberId id) {
    return Optional.ofNullable(members.getOrDefault(tenant, Map.of()).get(id));
  }

  @Override
  public List<Member> list(TenantId tenant) {
    return List.copyOf(members.getOrDefault(tenant, Map.of()).values());
  }

  @Override
  public long count(TenantId tenant) {
    return members.getOrDefault(tenant, Map.of()).size();
  }

  @Override
  public boolean erasePersonalData(TenantId tenant, MemberId id) {
    Member m = members.getOrDefault(tenant, Map.of()).get(id);
    if (m == null || (m.displayName().isEmpty() && m.email().isEmpty())) {
      return false;
    }
    members.get(tenant).put(id, new Member(id, m.teams(), m.cohorts(), m.org(), Optional.empty(), Optional.empty(), m.skills()));
    return true;
  }

  @Override
  public InsertResult insert(TenantId tenant, List<Event> batch) {
    batchSizes.add(batch.size());
    if (!keep) {
      counted += batch.size();
      return new InsertResult(batch.size(), List.of());
    }
    Map<EventId, Event> stored = events.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    List<EventId> duplicates = new ArrayList<>();
    int inserted = 0;
    for (Event e : batch) {
      if (stored.putIfAbsent(e.id(), e) == null) {
        inserted++;
      } else {
        duplicates.add(e.id());
      }
    }
    return new InsertResult(inserted, duplicates);
  }

  @Override
  public Optional<Event> find(TenantId tenant, EventId id) {
    return Optional.ofNullable(events.getOrDefault(tenant, Map.of()).get(id));
  }

  @Override
  public void scan(TenantId tenant, EventQuery query, Consumer<? super Event> sink) {
    events.getOrDefault(tenant, Map.of()).values().stream()
        .filter(e -> query.matches(e.at(), e.kind(), e.actor()))
        .forEach(sink);
  }

  @Override
  public long count(TenantId tenant, EventQuery query) {
    return events.getOrDefault(tenant, Map.of()).values().stream()
        .filter(e -> query.matches(e.at(), e.kind(), e.actor()))
        .count();
  }
}
