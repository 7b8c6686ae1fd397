package io.convener.jdbc.internal.event;

import io.convener.api.TenantId;
import io.convener.api.model.EventKind;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.EventQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EventQuery} as the conditions that follow {@code WHERE tenant_id = :tenant}. Bounds
 * outside the storable range of instants are dropped (they exclude nothing) or make the query
 * match nothing (they exclude everything). Immutable.
 */
final class EventFilter {
  private final @Nullable Long from;
  private final @Nullable Long until;
  private final List<String> kinds;
  private final @Nullable String actor;
  private final boolean matchesNothing;

  private EventFilter(
      @Nullable Long from, @Nullable Long until, List<String> kinds, @Nullable String actor, boolean matchesNothing) {
    this.from = from;
    this.until = until;
    this.kinds = kinds;
    this.actor = actor;
    this.matchesNothing = matchesNothing;
  }

  static EventFilter of(EventQuery query) {
    Instant from = query.from().orElse(null);
    Instant until = query.until().orElse(null);
    boolean nothing = (from != null && from.isAfter(EpochNanos.MAX))
        || (until != null && until.isBefore(EpochNanos.MIN));
    List<String> kinds = new ArrayList<>();
    for (EventKind kind : query.kinds()) {
      kinds.add(kind.wireName());
    }
    return new EventFilter(
        from != null && EpochNanos.inRange(from) ? (Long) EpochNanos.of(from, "from") : null,
        until != null && EpochNanos.inRange(until) ? (Long) EpochNanos.of(until, "until") : null,
        List.copyOf(kinds),
        query.actor().map(a -> a.value()).orElse(null),
        nothing);
  }

  /** Whether no event can match, so that the database need not be asked. */
  boolean matchesNothing() {
    return matchesNothing;
  }

  /**
   * Whether every event of the tenant matches: no bound within the storable range, no kinds and
   * no actor, so that the count is the tenant's event counter.
   */
  boolean matchesEverything() {
    return !matchesNothing && from == null && until == null && kinds.isEmpty() && actor == null;
  }

  /**
   * The conditions to append to a statement that ends in {@code WHERE tenant_id = :tenant}. The
   * lower bound on {@code at} is always there (the smallest long when the query has none): with it
   * H2 reads the rows through the {@code (tenant_id, at, event_id)} index, in scan order, instead of
   * through the tenant's foreign-key index followed by a sort that spills to disk beyond 40,000 rows.
   */
  String conditions() {
    StringBuilder sql = new StringBuilder();
    sql.append(" AND at >= :from");
    if (until != null) {
      sql.append(" AND at < :until");
    }
    if (!kinds.isEmpty()) {
      sql.append(" AND kind IN (");
      for (int i = 0; i < kinds.size(); i++) {
        sql.append(i == 0 ? ":kind" : ", :kind").append(i);
      }
      sql.append(')');
    }
    if (actor != null) {
      sql.append(" AND actor = :actor");
    }
    return sql.toString();
  }

  /** Binds the tenant and every parameter of {@link #conditions()}. */
  <S extends SqlStatement<S>> S bind(S statement, TenantId tenant) {
    statement.bind("tenant", tenant.value());
    statement.bind("from", from != null ? from.longValue() : Long.MIN_VALUE);
    if (until != null) {
      statement.bind("until", until.longValue());
    }
    for (int i = 0; i < kinds.size(); i++) {
      statement.bind("kind" + i, kinds.get(i));
    }
    if (actor != null) {
      statement.bind("actor", actor);
    }
    return statement;
  }
}
