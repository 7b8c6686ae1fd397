package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TeamId;
import java.util.List;
import java.util.Optional;

/**
 * One team that has not adopted an innovation yet, with the evidence that it is likely to benefit.
 * Names a team only, never a person. Immutable.
 *
 * @param team the team
 * @param score {@code (proximity + similarity) / 2}, in [0, 1]; higher first
 * @param collaborations collaboration events between the team's members and the adopting teams'
 *     members up to {@code asOf}
 * @param proximity the team's collaborations with adopting teams, relative to the most any
 *     candidate team has, in [0, 1]
 * @param nearestAdopter the adopting team it collaborated with most, if any
 * @param similarity cosine similarity of the team's practice terms with the adopting teams' mean
 *     profile, in [0, 1]
 * @param sharedTerms up to three practice terms that contribute most to the similarity
 * @param reason the evidence in one sentence
 */
public record ReplicationSuggestion(TeamId team, double score, int collaborations, double proximity,
    Optional<TeamId> nearestAdopter, double similarity, List<String> sharedTerms, String reason) {
  /** Validates and copies. */
  public ReplicationSuggestion {
    requireNonNull(team, "team");
    requireNonNull(nearestAdopter, "nearestAdopter");
    sharedTerms = List.copyOf(sharedTerms);
    requireNonNull(reason, "reason");
  }
}
