package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.TeamId;
import java.time.Instant;

/**
 * A detected practice that a manager confirmed as an innovation: from then on {@link
 * InnovationSpread#spread} traces it under {@link #innovation()}, its first use as the root and
 * the first use in each other team as an adoption. Immutable.
 *
 * @param tag the practice
 * @param innovation its innovation id, {@code practice:} and the tag
 * @param originTeam the team of its first appearance when it was confirmed
 * @param firstSeen its first appearance when it was confirmed
 * @param confirmedBy the subject of the manager who confirmed it
 * @param confirmedAt when
 * @param provenanceId the id of the provenance entry of the confirming call (0 when read from the store)
 */
public record ConfirmedInnovation(
    String tag, EventId innovation, TeamId originTeam, Instant firstSeen, String confirmedBy, Instant confirmedAt,
    long provenanceId) {
  /** Validates. */
  public ConfirmedInnovation {
    requireNonNull(tag, "tag");
    requireNonNull(innovation, "innovation");
    requireNonNull(originTeam, "originTeam");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(confirmedBy, "confirmedBy");
    requireNonNull(confirmedAt, "confirmedAt");
  }

  /** The record with the provenance id of a call. */
  public ConfirmedInnovation withProvenanceId(long id) {
    return new ConfirmedInnovation(tag, innovation, originTeam, firstSeen, confirmedBy, confirmedAt, id);
  }
}
