package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generated synthetic organisation: its members and structure, held in memory, and its events,
 * produced on demand.
 *
 * <p>Every call to {@link #events()} or {@link #eventIterator()} starts a fresh, independent run
 * that yields the same events in the same order: sorted by time (ties in a fixed order), with ids
 * {@code e00000001}, {@code e00000002}, ... in that order, and every {@code refs} entry naming an
 * event that came earlier. A run holds about one simulated day of events in memory, so tens of
 * millions of events can be streamed.
 *
 * <p>The structure getters return immutable values. This object is immutable and thread-safe;
 * several runs may proceed on different threads at once, but one iterator or stream must not be
 * shared between threads.
 */
public final class GeneratedOrganisation {
  private final SyntheticOrganisation settings;
  private final Blueprint bp;
  private final List<SyntheticTeam> teams;
  private final Map<TeamId, SyntheticTeam> teamsById;
  private final Map<CohortId, List<MemberId>> cohorts;
  private final List<OrgUnit> orgUnits;
  private final Map<MemberId, List<TeamId>> connectors;
  private final List<MemberId> silentMembers;
  private final Map<MemberId, Instant> fadingMembers;

  GeneratedOrganisation(SyntheticOrganisation settings, Blueprint bp) {
    this.settings = requireNonNull(settings, "settings");
    this.bp = requireNonNull(bp, "bp");
    List<SyntheticTeam> teamList = new ArrayList<>();
    Map<TeamId, SyntheticTeam> byId = new LinkedHashMap<>();
    TreeSet<String> units = new TreeSet<>();
    for (int t = 0; t < bp.teamCount(); t++) {
      List<MemberId> members = new ArrayList<>();
      for (int m : bp.teamMembers[t]) {
        members.add(bp.ids[m]);
      }
      SyntheticTeam team = new SyntheticTeam(bp.teamIds[t], bp.teamOrg[t], members, bp.profile[t]);
      teamList.add(team);
      byId.put(team.id(), team);
      for (OrgUnit u : bp.teamOrg[t].selfAndAncestors()) {
        units.add(u.path());
      }
    }
    this.teams = List.copyOf(teamList);
    this.teamsById = Collections.unmodifiableMap(byId);
    this.orgUnits = units.stream().map(OrgUnit::of).toList();
    TreeMap<CohortId, List<MemberId>> byCohort = new TreeMap<>();
    for (Member member : bp.members) {
      for (CohortId c : member.cohorts()) {
        byCohort.computeIfAbsent(c, k -> new ArrayList<>()).add(member.id());
      }
    }
    byCohort.replaceAll((k, v) -> List.copyOf(v));
    this.cohorts = Collections.unmodifiableMap(byCohort);
    Map<MemberId, List<TeamId>> bridges = new LinkedHashMap<>();
    for (int c : bp.connectors) {
      List<TeamId> bridged = new ArrayList<>();
      for (int t : bp.bridges[c]) {
        bridged.add(bp.teamIds[t]);
      }
      bridges.put(bp.ids[c], List.copyOf(bridged));
    }
    this.connectors = Collections.unmodifiableMap(bridges);
    List<MemberId> silent = new ArrayList<>();
    Map<MemberId, Instant> fading = new LinkedHashMap<>();
    for (int m = 0; m < bp.memberCount(); m++) {
      if (bp.silent[m]) {
        silent.add(bp.ids[m]);
      } else if (bp.silentFrom[m] != Long.MAX_VALUE) {
        fading.put(bp.ids[m], Instant.ofEpochSecond(bp.silentFrom[m]));
      }
    }
    this.silentMembers = List.copyOf(silent);
    this.fadingMembers = Collections.unmodifiableMap(fading);
  }

  /** The settings this organisation was generated from. */
  public SyntheticOrganisation settings() {
    return settings;
  }

  /** The first instant of the period; every event is at or after it. */
  public Instant start() {
    return settings.start();
  }

  /** The end of the period, exclusive; every event is before it. */
  public Instant end() {
    return settings.end();
  }

  /** Every member, in id order ({@code m0001}, {@code m0002}, ...); each belongs to exactly one team. */
  public List<Member> members() {
    return bp.members;
  }

  /** Every team, in generation order. */
  public List<SyntheticTeam> teams() {
    return teams;
  }

  /** The team with this id, if there is one. */
  public Optional<SyntheticTeam> team(TeamId id) {
    return Optional.ofNullable(teamsById.get(requireNonNull(id, "id")));
  }

  /** Every cohort (intake years, sites, guilds) with its members in id order, sorted by cohort id. */
  public Map<CohortId, List<MemberId>> cohorts() {
    return cohorts;
  }

  /** Every org unit that a team sits in, and every ancestor of one, sorted by path. */
  public List<OrgUnit> orgUnits() {
    return orgUnits;
  }

  /**
   * The deliberate connectors, broadest first, each with the teams (other than their own) they
   * bridge. Most cross-team interaction runs through them, so they should lead a betweenness
   * ranking; the first bridges the most teams.
   */
  public Map<MemberId, List<TeamId>> connectors() {
    return connectors;
  }

  /** Members who never do anything in the period, in id order. */
  public List<MemberId> silentMembers() {
    return silentMembers;
  }

  /**
   * Members who are active and then go silent near the end, in id order, each with the instant
   * from which they do nothing (in teams whose trend is {@link TeamProfile.Trend#LOSING_MEMBERS}).
   */
  public Map<MemberId, Instant> fadingMembers() {
    return fadingMembers;
  }

  /** A fresh run over the events, in time order. Not thread-safe; {@code remove} is unsupported. */
  public Iterator<Event> eventIterator() {
    return new EventSimulation(bp);
  }

  /** A fresh sequential, ordered stream of the events, in time order; produced lazily. */
  public Stream<Event> events() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            eventIterator(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }
}
