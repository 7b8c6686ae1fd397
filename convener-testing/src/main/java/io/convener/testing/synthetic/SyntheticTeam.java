package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import java.util.List;

/**
 * One team of a synthetic organisation. Immutable and thread-safe.
 *
 * @param id the team id, such as {@code platform-2}
 * @param org the org unit the team sits in, such as {@code eng/platform}
 * @param members the team's members; the first is the team lead, who reports the team's outcomes
 * @param profile the team's designed character (safety, sentiment, responsiveness, trend)
 */
public record SyntheticTeam(TeamId id, OrgUnit org, List<MemberId> members, TeamProfile profile) {
  /** Validates and copies. */
  public SyntheticTeam {
    requireNonNull(id, "id");
    requireNonNull(org, "org");
    members = List.copyOf(requireNonNull(members, "members"));
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a team needs at least one member: " + id);
    }
    requireNonNull(profile, "profile");
  }

  /** The team lead: the member who reports the team's outcomes. */
  public MemberId lead() {
    return members.get(0);
  }
}
