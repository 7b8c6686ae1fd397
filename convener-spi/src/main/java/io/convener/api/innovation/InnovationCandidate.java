package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.TeamId;
import java.time.Instant;
import java.util.Optional;

/**
 * A practice detected in the tenant's events that started in one team and was taken up by others;
 * a manager may confirm it as an innovation. It names teams and counts people, never names them.
 * Immutable.
 *
 * @param tag the practice, as a normalised tag (trimmed, lower case)
 * @param originTeam the team of its first appearance
 * @param firstSeen its first appearance
 * @param teams distinct teams that used it, the origin team included
 * @param adopters distinct members, not of the origin team, who used it
 * @param confirmed the innovation id it was confirmed as, if a manager confirmed it
 */
public record InnovationCandidate(
    String tag, TeamId originTeam, Instant firstSeen, int teams, int adopters, Optional<EventId> confirmed) {
  /** Validates. */
  public InnovationCandidate {
    requireNonNull(tag, "tag");
    requireNonNull(originTeam, "originTeam");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(confirmed, "confirmed");
    if (teams < 1 || adopters < 0) {
      throw new IllegalArgumentException("counts out of range");
    }
  }

  /** The innovation id a confirmed practice gets: {@code practice:} followed by the tag. */
  public static EventId innovationId(String tag) {
    return EventId.of("practice:" + tag);
  }
}
