package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whom to recommend to a team: members outside it, for a set of skills.
 *
 * @param team the team that asks
 * @param skills the skills wanted; empty for the skills the team's members declare
 * @param limit at most this many recommendations (default 10)
 * @param favourDiverseTies weigh people who bring contacts the team does not have yet
 * @param asOf the end of the window; empty for the instant of the call
 * @param window the window's length (default 90 days)
 */
public record CollaboratorQuery(
    TeamId team, Set<String> skills, int limit, boolean favourDiverseTies, Optional<Instant> asOf, Duration window) {
  /** Validates and copies. */
  public CollaboratorQuery {
    requireNonNull(team, "team");
    skills = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(skills, "skills")));
    for (String s : skills) {
      if (s.isBlank()) {
        throw new IllegalArgumentException("skills must not be blank");
      }
    }
    ChampionQuery.checkLimit(limit);
    requireNonNull(asOf, "asOf");
    ChampionQuery.checkWindow(window);
  }

  /** Ten recommendations for the team and skills, over the last 90 days, without favouring diverse ties. */
  public static CollaboratorQuery of(TeamId team, Set<String> skills) {
    return new CollaboratorQuery(team, skills, 10, false, Optional.empty(), ChampionQuery.DEFAULT_WINDOW);
  }

  /** This query with another limit. */
  public CollaboratorQuery withLimit(int n) {
    return new CollaboratorQuery(team, skills, n, favourDiverseTies, asOf, window);
  }

  /** This query favouring (or not) diverse ties. */
  public CollaboratorQuery withDiverseTies(boolean favour) {
    return new CollaboratorQuery(team, skills, limit, favour, asOf, window);
  }

  /** This query ending at {@code asOf}. */
  public CollaboratorQuery withAsOf(Instant at) {
    return new CollaboratorQuery(team, skills, limit, favourDiverseTies, Optional.of(at), window);
  }

  /** This query with another window length. */
  public CollaboratorQuery withWindow(Duration w) {
    return new CollaboratorQuery(team, skills, limit, favourDiverseTies, asOf, w);
  }
}
