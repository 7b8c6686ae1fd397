package io.convener.core.feedback;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.TeamFeedback;
import io.convener.api.feedback.Verdict;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts feedback per team: a piece counts for every team of the member it names (as the member's
 * teams are now), or for the team of a scope-wide risk flag. Stateless.
 */
final class TeamRates {
  private TeamRates() {}

  /** The counts of every team that drew feedback, by team id. */
  static List<TeamFeedback> of(List<Feedback> feedback, List<Member> members) {
    Map<MemberId, List<TeamId>> teams = new HashMap<>();
    members.forEach(m -> teams.put(m.id(), m.teams()));
    Map<TeamId, int[]> counts = new TreeMap<>();
    for (Feedback f : feedback) {
      Set<TeamId> of = new LinkedHashSet<>();
      f.target().member().ifPresent(m -> of.addAll(teams.getOrDefault(m, List.of())));
      f.target().team().ifPresent(of::add);
      for (TeamId t : of) {
        int[] c = counts.computeIfAbsent(t, k -> new int[4]);
        c[f.verdict() == Verdict.AGREE ? 0 : 1]++;
        c[2] += f.status() == FeedbackStatus.OPEN ? 1 : 0;
        c[3] += f.status() == FeedbackStatus.REJECTED ? 1 : 0;
      }
    }
    List<TeamFeedback> out = new ArrayList<>();
    counts.forEach((t, c) -> out.add(new TeamFeedback(t, c[0], c[1], c[2], c[3])));
    return List.copyOf(out);
  }
}
