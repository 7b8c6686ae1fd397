package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import io.convener.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds candidate innovations in a tenant's events, fed in time order (one pass, state per
 * practice, not per event). For each practice ({@link PracticeTerms}) it keeps its first
 * appearance and origin team, its uses inside the origin lead, and the teams and the members
 * outside the origin team that used it. A practice is a candidate when, in this order:
 *
 * <ol>
 *   <li>it first appeared inside the window (a practice in use before is not new);
 *   <li>it had an origin: of its uses in the {@code originLead} after its first appearance, at
 *       least {@code originShare} were in the origin team (not so for practices that many teams
 *       use at once, such as one everyone uses from the start);
 *   <li>it left its team: used in at least {@code minTeams} teams, the origin included;
 *   <li>others took it up: at least {@code minAdopters} members not of the origin team used it
 *       outside the origin team (not so for a practice only one or two people use).
 * </ol>
 *
 * <p>A use counts for the team of the person who used it ({@link PracticeTerms#teamOf}), not for
 * the team whose space it was posted in, so a member posting in another team's channel neither
 * spreads a practice nor moves its origin; a use with no team known is skipped. A member of the
 * origin team is never counted as an adopter. Not thread-safe; one per detection.
 */
final class CandidateDetector {
  /** One practice's finding: the candidate, or why it is none. */
  record Verdict(String term, Optional<InnovationCandidate> candidate, String reason) {}

  private static final Comparator<InnovationCandidate> RANK = Comparator
      .comparingInt(InnovationCandidate::teams).reversed()
      .thenComparing(Comparator.comparingInt(InnovationCandidate::adopters).reversed())
      .thenComparing(InnovationCandidate::firstSeen)
      .thenComparing(InnovationCandidate::tag);

  private final Instant from;
  private final Instant asOf;
  private final DetectionSettings settings;
  private final Function<MemberId, List<TeamId>> teamsOf;
  private final Map<String, Practice> practices = new HashMap<>();

  /**
   * @param from the start of the window: practices first seen before it are not new
   * @param asOf the end of the window: later events are ignored
   * @param teamsOf the teams of a member, from the member record (empty when unknown)
   */
  CandidateDetector(Instant from, Instant asOf, DetectionSettings settings, Function<MemberId, List<TeamId>> teamsOf) {
    this.from = requireNonNull(from, "from");
    this.asOf = requireNonNull(asOf, "asOf");
    this.settings = requireNonNull(settings, "settings");
    this.teamsOf = requireNonNull(teamsOf, "teamsOf");
  }

  /** Takes the next event; events must come in time order. */
  void accept(Event e) {
    if (e.at().isAfter(asOf)) {
      return;
    }
    Set<String> terms = PracticeTerms.of(e);
    if (terms.isEmpty()) {
      return;
    }
    List<TeamId> own = teamsOf.apply(e.actor());
    Optional<TeamId> team = PracticeTerms.teamOf(e, own);
    if (team.isEmpty()) {
      return;
    }
    for (String term : terms) {
      Practice p = practices.get(term);
      if (p == null) {
        practices.put(term, new Practice(e.at(), team.get(), e.at().isBefore(from)));
      } else {
        p.use(e.actor(), own, team.get(), e.at(), settings.originLead());
      }
    }
  }

  /** The candidates, most teams first, then most adopters, then earliest, then tag. */
  List<InnovationCandidate> candidates() {
    List<InnovationCandidate> out = new ArrayList<>();
    for (Map.Entry<String, Practice> e : practices.entrySet()) {
      verdict(e.getKey(), e.getValue()).candidate().ifPresent(out::add);
    }
    out.sort(RANK);
    return out;
  }

  /** The finding for one practice (normalised); a practice never seen says so. */
  Verdict verdict(String term) {
    Practice p = practices.get(term);
    return p == null ? new Verdict(term, Optional.empty(), "the practice '" + term + "' does not appear in any event"
        + " with a team up to " + asOf) : verdict(term, p);
  }

  private Verdict verdict(String term, Practice p) {
    String name = "the practice '" + term + "'";
    if (p.old) {
      return new Verdict(term, Optional.empty(), name + " first appeared at " + p.firstSeen
          + ", before the window starting at " + from + ", so it is not new");
    }
    double share = p.leadUses == 0 ? 1.0 : (double) p.leadOriginUses / p.leadUses;
    if (share < settings.originShare()) {
      return new Verdict(term, Optional.empty(), name + " has no origin team: in the " + days(settings.originLead())
          + " after its first appearance only " + percent(share) + " of its uses were in team " + p.origin.value()
          + " (needs " + percent(settings.originShare()) + ")");
    }
    if (p.teams.size() < settings.minTeams()) {
      return new Verdict(term, Optional.empty(), name + " did not spread: used in " + p.teams.size()
          + " team(s) (needs " + settings.minTeams() + ")");
    }
    if (p.adopters.size() < settings.minAdopters()) {
      return new Verdict(term, Optional.empty(), name + " was taken up by " + p.adopters.size()
          + " member(s) outside team " + p.origin.value() + " (needs " + settings.minAdopters() + ")");
    }
    InnovationCandidate c = new InnovationCandidate(term, p.origin, p.firstSeen, p.teams.size(), p.adopters.size(),
        Optional.empty());
    return new Verdict(term, Optional.of(c), "candidate");
  }

  private static String days(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toString();
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** What is kept of one practice. */
  private static final class Practice {
    final Instant firstSeen;
    final TeamId origin;
    final boolean old;
    final Set<TeamId> teams = new HashSet<>();
    final Set<MemberId> adopters = new HashSet<>();
    int leadUses = 1;
    int leadOriginUses = 1;

    Practice(Instant firstSeen, TeamId origin, boolean old) {
      this.firstSeen = firstSeen;
      this.origin = origin;
      this.old = old;
      teams.add(origin);
    }

    void use(MemberId actor, List<TeamId> actorTeams, TeamId team, Instant at, Duration lead) {
      if (old) {
        return;
      }
      if (at.isBefore(firstSeen.plus(lead))) {
        leadUses++;
        if (team.equals(origin)) {
          leadOriginUses++;
        }
      }
      teams.add(team);
      if (!team.equals(origin) && !actorTeams.contains(origin)) {
        adopters.add(actor);
      }
    }
  }
}
