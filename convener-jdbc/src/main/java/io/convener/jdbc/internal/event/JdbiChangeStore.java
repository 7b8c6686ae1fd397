package io.convener.jdbc.internal.event;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.member.JdbiMemberStore;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventQuery;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link ChangeStore} of a JDBC store: {@code tenants.change_seq} and the {@code seq} stamps of
 * the events and members tables (migration V15), read with the indexes that lead with {@code
 * (tenant_id, seq)}. Thread-safe.
 */
final class JdbiChangeStore implements ChangeStore {
  static final String CURRENT = "SELECT change_seq FROM tenants WHERE tenant_id = :tenant";
  static final String CHANGED = "SELECT " + EventRows.COLUMNS
      + " FROM events WHERE tenant_id = :tenant AND seq > :after AND seq <= :through ORDER BY tenant_id, seq, event_id";

  private final Database database;
  private final JdbiEventStore events;
  private final JdbiMemberStore members;

  @Inject
  JdbiChangeStore(Database database, JdbiEventStore events, JdbiMemberStore members) {
    this.database = requireNonNull(database, "database");
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
  }

  @Override
  public long current(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read the change counter", tenant, handle -> handle.createQuery(CURRENT)
        .bind("tenant", tenant.value())
        .mapTo(Long.class)
        .findOne()
        .orElse(0L));
  }

  @Override
  public void events(TenantId tenant, long after, long through, Consumer<? super Event> sink) {
    requireNonNull(tenant, "tenant");
    requireNonNull(sink, "sink");
    if (through <= after) {
      return;
    }
    database.stream("read changed events", tenant, handle -> {
      handle.createQuery(CHANGED)
          .bind("tenant", tenant.value())
          .bind("after", after)
          .bind("through", through)
          .setFetchSize(JdbiEventStore.FETCH_SIZE)
          .map(EventRows::map)
          .forEach(sink);
      return null;
    });
  }

  @Override
  public void scanThrough(TenantId tenant, EventQuery query, long through, Consumer<? super Event> sink) {
    events.scan(tenant, query, through, sink);
  }

  @Override
  public List<Member> members(TenantId tenant, long after, long through) {
    return through <= after ? List.of() : members.changed(tenant, after, through);
  }
}
