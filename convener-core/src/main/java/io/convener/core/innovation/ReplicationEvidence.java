package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What replication suggestions rest on, read from one tenant's events up to {@code asOf}: how
 * often each pair of teams collaborated (a collaboration event between members of two different
 * teams counts once per target), and the practice terms ({@link PracticeTerms}) each team used. A
 * use counts for the team of the person, as detection reads it: the event's {@code team} when the
 * actor belongs to it (or has no member record), else the actor's first team; a target counts for
 * its first team. Team level only: no person leaves this class. Reads only the given tenant.
 *
 * @param teams every team of the tenant: from member records and from events
 * @param links collaborations between two teams, symmetric, without self-pairs
 * @param terms how often each team used each practice term
 */
record ReplicationEvidence(Set<TeamId> teams, Map<TeamId, Map<TeamId, Integer>> links,
    Map<TeamId, Map<String, Integer>> terms) {

  /** Reads the evidence of {@code tenant} up to and including {@code asOf}. */
  static ReplicationEvidence read(EventStore events, MemberStore members, TenantId tenant, Instant asOf) {
    requireNonNull(asOf, "asOf");
    Builder b = new Builder(members.list(tenant));
    EventQuery upTo = new EventQuery(Optional.empty(), Optional.of(asOf.plusNanos(1)), Set.of(), Optional.empty());
    events.scan(tenant, upTo, b::accept);
    return b.build();
  }

  /** Collaborations between two teams. */
  int link(TeamId a, TeamId b) {
    return links.getOrDefault(a, Map.of()).getOrDefault(b, 0);
  }

  /** Collects the evidence from events in any order; not thread-safe. */
  static final class Builder {
    private final Map<MemberId, List<TeamId>> memberTeams = new HashMap<>();
    private final Set<TeamId> teams = new TreeSet<>();
    private final Map<TeamId, Map<TeamId, Integer>> links = new HashMap<>();
    private final Map<TeamId, Map<String, Integer>> terms = new HashMap<>();

    Builder(List<Member> members) {
      for (Member m : members) {
        memberTeams.put(m.id(), m.teams());
        teams.addAll(m.teams());
      }
    }

    /** Takes one event: its practice terms, and its collaborations across teams. */
    void accept(Event e) {
      Optional<TeamId> team = actorTeam(e);
      if (team.isEmpty()) {
        return;
      }
      TeamId from = team.get();
      teams.add(from);
      for (String term : PracticeTerms.of(e)) {
        terms.computeIfAbsent(from, k -> new HashMap<>()).merge(term, 1, Integer::sum);
      }
      if (!e.kind().isCollaboration()) {
        return;
      }
      for (MemberId target : e.targets()) {
        List<TeamId> of = memberTeams.getOrDefault(target, List.of());
        if (!of.isEmpty() && !of.get(0).equals(from)) {
          links.computeIfAbsent(from, k -> new HashMap<>()).merge(of.get(0), 1, Integer::sum);
          links.computeIfAbsent(of.get(0), k -> new HashMap<>()).merge(from, 1, Integer::sum);
        }
      }
    }

    private Optional<TeamId> actorTeam(Event e) {
      List<TeamId> own = memberTeams.get(e.actor());
      if (e.team().isPresent() && (own == null || own.contains(e.team().get()))) {
        return e.team();
      }
      return own == null || own.isEmpty() ? Optional.empty() : Optional.of(own.get(0));
    }

    ReplicationEvidence build() {
      return new ReplicationEvidence(teams, links, terms);
    }
  }
}
