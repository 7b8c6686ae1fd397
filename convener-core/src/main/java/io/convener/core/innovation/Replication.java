package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.ReplicationSuggestion;
import io.convener.api.innovation.ReplicationSuggestions;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replication suggestions for one innovation in one tenant: the adopting teams by {@code asOf}
 * (the origin team and every team with an adoption, as {@link SpreadReader} reads them), the
 * evidence up to {@code asOf}, and the ranking of the other teams ({@link ReplicationRanking}).
 * Reads only the given tenant.
 */
final class Replication {
  private static final int MAX_LIMIT = InnovationSpread.MAX_SUGGESTION_LIMIT;

  private final SpreadReader reader;
  private final EventStore events;
  private final MemberStore members;

  Replication(SpreadReader reader, EventStore events, MemberStore members) {
    this.reader = requireNonNull(reader, "reader");
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
  }

  static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  ReplicationSuggestions suggest(TenantId tenant, EventId innovation, int limit, Instant asOf) {
    SpreadReader.Side side = reader.side(tenant, innovation);
    SpreadEvent root = side.innovation().orElseThrow(() -> new InvalidInputException("innovation",
        "tenant " + tenant.value() + " has no innovation " + innovation.value()));
    if (root.at().isAfter(asOf)) {
      throw new InvalidInputException("innovation",
          "innovation " + innovation.value() + " was flagged at " + root.at() + ", after asOf " + asOf);
    }
    Set<TeamId> adopters = new HashSet<>();
    root.team().ifPresent(adopters::add);
    for (SpreadEvent a : side.adoptions()) {
      if (!a.at().isAfter(asOf)) {
        a.team().ifPresent(adopters::add);
      }
    }
    ReplicationEvidence evidence = ReplicationEvidence.read(events, members, tenant, asOf);
    List<ReplicationSuggestion> ranked = new ReplicationRanking(evidence, adopters).rank();
    return new ReplicationSuggestions(innovation, asOf, adopters.size(), ranked.size(),
        ranked.subList(0, Math.min(limit, ranked.size())), 0L);
  }
}
