package io.convener.jdbc.internal.provenance;

import io.convener.api.TenantId;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.jdbc.internal.db.EpochNanos;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProvenanceQuery} as the conditions that follow {@code WHERE tenant_id = :tenant}, the
 * entity condition aside. Time bounds outside the storable range are dropped (they exclude nothing)
 * or make the query match nothing. Immutable.
 */
final class ProvenanceFilter {
  private final @Nullable Long since;
  private final @Nullable Long until;
  private final ProvenanceQuery query;
  private final boolean matchesNothing;

  private ProvenanceFilter(@Nullable Long since, @Nullable Long until, ProvenanceQuery query, boolean matchesNothing) {
    this.since = since;
    this.until = until;
    this.query = query;
    this.matchesNothing = matchesNothing;
  }

  static ProvenanceFilter of(ProvenanceQuery query) {
    Instant since = query.since().orElse(null);
    Instant until = query.until().orElse(null);
    boolean nothing = (since != null && since.isAfter(EpochNanos.MAX)) || (until != null && until.isBefore(EpochNanos.MIN));
    return new ProvenanceFilter(
        since != null && EpochNanos.inRange(since) ? (Long) EpochNanos.of(since, "since") : null,
        until != null && EpochNanos.inRange(until) ? (Long) EpochNanos.of(until, "until") : null,
        query,
        nothing);
  }

  boolean matchesNothing() {
    return matchesNothing;
  }

  String conditions() {
    StringBuilder sql = new StringBuilder();
    if (query.after().isPresent()) {
      sql.append(" AND seq > :after");
    }
    if (since != null) {
      sql.append(" AND at >= :since");
    }
    if (until != null) {
      sql.append(" AND at < :until");
    }
    if (query.activity().isPresent()) {
      sql.append(" AND activity = :activity");
    }
    if (query.agent().isPresent()) {
      sql.append(" AND agent_id = :agent");
    }
    return sql.toString();
  }

  <S extends SqlStatement<S>> S bind(S statement, TenantId tenant) {
    statement.bind("tenant", tenant.value());
    query.after().ifPresent(after -> statement.bind("after", after));
    if (since != null) {
      statement.bind("since", since.longValue());
    }
    if (until != null) {
      statement.bind("until", until.longValue());
    }
    query.activity().ifPresent(a -> statement.bind("activity", a));
    query.agent().ifPresent(a -> statement.bind("agent", a));
    return statement;
  }
}
