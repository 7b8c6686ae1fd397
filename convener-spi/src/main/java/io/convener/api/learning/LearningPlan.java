package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.consent.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A personalised learning plan: the artifacts recommended to one member (named with their consent
 * for {@code learning.attribution}) or to one team, ranked, each explained. Names people only as
 * {@link Disclosed} ids. Immutable.
 *
 * @param member the member the plan is for, or empty for a team plan
 * @param team the team the plan is for, or empty for a member plan
 * @param asOf the instant the plan was made at
 * @param window the window of recent work read before {@code asOf}
 * @param workTags the tags of the recent work, most frequent first (at most 10)
 * @param planTags the tags of planned work the request gave
 * @param recommendations best first
 * @param notified how many people the plan was sent to (0 unless the request asked)
 * @param provenanceId the provenance entry of the call, or {@link #UNSTAMPED}
 */
public record LearningPlan(
    Optional<Disclosed<MemberId>> member, Optional<TeamId> team, Instant asOf, Duration window,
    List<String> workTags, List<String> planTags, List<Recommendation> recommendations, int notified,
    long provenanceId) implements NamesPeople {
  /** The provenance id of a plan that has not left its service yet. */
  public static final long UNSTAMPED = -1;

  /** Validates and copies. */
  public LearningPlan {
    requireNonNull(member, "member");
    requireNonNull(team, "team");
    if (member.isPresent() == team.isPresent()) {
      throw new IllegalArgumentException("a plan is for exactly one member or one team");
    }
    member.ifPresent(m -> {
      if (!m.purpose().equals(Purpose.LEARNING_ATTRIBUTION)) {
        throw new IllegalArgumentException("member must be disclosed for learning.attribution, not " + m.purpose());
      }
    });
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    workTags = List.copyOf(requireNonNull(workTags, "workTags"));
    planTags = List.copyOf(requireNonNull(planTags, "planTags"));
    recommendations = List.copyOf(requireNonNull(recommendations, "recommendations"));
    if (notified < 0 || provenanceId < UNSTAMPED) {
      throw new IllegalArgumentException("notified must be >= 0 and provenanceId >= -1, got " + notified + " and "
          + provenanceId);
    }
  }

  /** This plan with the id of the provenance entry that recorded it. */
  public LearningPlan withProvenanceId(long id) {
    return new LearningPlan(member, team, asOf, window, workTags, planTags, recommendations, notified, id);
  }

  /** The member the plan is for, or the team, as {@code member:ID} or {@code team:ID}. */
  public String subject() {
    return member.map(m -> "member:" + m.value().value()).orElseGet(() -> "team:" + team.orElseThrow().value());
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    List<Disclosed<?>> all = new ArrayList<>();
    member.ifPresent(all::add);
    for (Recommendation r : recommendations) {
      all.addAll(r.namedAppliers());
    }
    return all;
  }
}
