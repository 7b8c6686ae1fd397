package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import java.time.Instant;
import java.util.List;

/**
 * The teams of a tenant most likely to benefit from an innovation they have not adopted by {@code
 * asOf}, best first (ties: team id). Immutable.
 *
 * @param innovation the innovation
 * @param asOf events after it are not read
 * @param adoptingTeams teams that had the innovation by {@code asOf}, the origin team included
 * @param candidateTeams teams of the tenant that had not adopted it, all of them ranked
 * @param suggestions the best {@code limit} candidates
 * @param provenanceId the id of the provenance entry of the call
 */
public record ReplicationSuggestions(EventId innovation, Instant asOf, int adoptingTeams, int candidateTeams,
    List<ReplicationSuggestion> suggestions, long provenanceId) {
  /** Validates and copies. */
  public ReplicationSuggestions {
    requireNonNull(innovation, "innovation");
    requireNonNull(asOf, "asOf");
    suggestions = List.copyOf(suggestions);
  }

  /** The suggestions with their provenance id. */
  public ReplicationSuggestions withProvenanceId(long id) {
    return new ReplicationSuggestions(innovation, asOf, adoptingTeams, candidateTeams, suggestions, id);
  }
}
