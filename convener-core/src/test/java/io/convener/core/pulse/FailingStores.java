package io.convener.core.pulse;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.MemberStore;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Member and event stores that delegate to real ones until told to fail, then throw as a dead database would. */
final class FailingStores implements MemberStore, EventStore {
  private final MemberStore members;
  private final EventStore events;
  volatile boolean failing;

  FailingStores(MemberStore members, EventStore events) {
    this.members = members;
    this.events = events;
  }

  private void check() {
    if (failing) {
      throw new StorageException("connection refused", new SQLException("database unreachable"));
    }
  }

  @Override
  public int upsert(TenantId tenant, Collection<Member> batch) {
    check();
    return members.upsert(tenant, batch);
  }

  @Override
  public Optional<Member> find(TenantId tenant, MemberId id) {
    check();
    return members.find(tenant, id);
  }

  @Override
  public List<Member> list(TenantId tenant) {
    check();
    return members.list(tenant);
  }

  @Override
  public long count(TenantId tenant) {
    check();
    return members.count(tenant);
  }

  @Override
  public boolean erasePersonalData(TenantId tenant, MemberId id) {
    check();
    return members.erasePersonalData(tenant, id);
  }

  @Override
  public InsertResult insert(TenantId tenant, List<Event> batch) {
    check();
    return events.insert(tenant, batch);
  }

  @Override
  public Optional<Event> find(TenantId tenant, EventId id) {
    check();
    return events.find(tenant, id);
  }

  @Override
  public void scan(TenantId tenant, EventQuery query, Consumer<? super Event> sink) {
    check();
    events.scan(tenant, query, sink);
  }

  @Override
  public long count(TenantId tenant, EventQuery query) {
    check();
    return events.count(tenant, query);
  }
}
