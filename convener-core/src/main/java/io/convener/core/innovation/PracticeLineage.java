package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lineage nodes of a confirmed practice, read from the tenant's events: the root is its first
 * use, under the innovation id; each other team's first use by someone not of the origin team is an
 * adoption by that team (its source then chosen by the usual rules, exposure first). A use counts
 * for the team of the person who used it ({@link PracticeTerms#teamOf}), as in detection. Reads
 * only the tenant it is given.
 */
final class PracticeLineage {
  /** The root and the teams' adoptions, in time order. */
  record Nodes(SpreadEvent root, List<SpreadEvent> adoptions) {}

  private final EventStore events;
  private final MemberStore members;

  PracticeLineage(EventStore events, MemberStore members) {
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
  }

  /** The nodes of the practice, or empty when no event with a team shows it any more. */
  Optional<Nodes> nodes(TenantId tenant, ConfirmedInnovation confirmed) {
    Map<MemberId, List<TeamId>> teams = new HashMap<>();
    for (Member m : members.listPseudonymous(tenant)) {
      teams.put(m.id(), m.teams());
    }
    List<Event> firstUses = new ArrayList<>();
    Map<TeamId, Event> firstOfTeam = new LinkedHashMap<>();
    TeamId[] origin = {null};
    events.scan(tenant, EventQuery.all(), e -> {
      if (!PracticeTerms.of(e).contains(confirmed.tag())) {
        return;
      }
      List<TeamId> own = teams.getOrDefault(e.actor(), List.of());
      Optional<TeamId> team = PracticeTerms.teamOf(e, own);
      if (team.isEmpty()) {
        return;
      }
      if (origin[0] == null) {
        origin[0] = team.get();
        firstUses.add(e.toBuilder().team(team.get()).build());
      } else if (!team.get().equals(origin[0]) && !own.contains(origin[0])) {
        firstOfTeam.putIfAbsent(team.get(), e.toBuilder().team(team.get()).build());
      }
    });
    if (firstUses.isEmpty()) {
      return Optional.empty();
    }
    Event first = firstUses.get(0);
    SpreadEvent root = new SpreadEvent(tenant, confirmed.innovation(), first.actor(), first.team(), first.at(),
        Optional.empty(), Optional.empty());
    List<SpreadEvent> adoptions = new ArrayList<>();
    for (Event e : firstOfTeam.values()) {
      adoptions.add(new SpreadEvent(tenant, e.id(), e.actor(), e.team(), e.at(), Optional.empty(), Optional.empty()));
    }
    return Optional.of(new Nodes(root, adoptions));
  }
}
