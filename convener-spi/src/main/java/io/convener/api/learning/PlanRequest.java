package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Whom a learning plan is for and how it is made: one member or one team (exactly one of the two),
 * the tags of work they plan (optional), how many artifacts to recommend, the window of recent work
 * read before {@code asOf}, and whether to deliver the plan as a {@code learning.plan}
 * notification. Immutable; start from {@link #forMember} or {@link #forTeam}.
 *
 * @param member the member the plan is for, or empty for a team plan
 * @param team the team the plan is for, or empty for a member plan
 * @param planTags tags of planned work, trimmed, without duplicates, at most {@value #MAX_PLAN_TAGS}
 * @param limit how many artifacts, 1 to {@value #MAX_LIMIT}
 * @param window how far before {@code asOf} recent work is read, 1 to {@value #MAX_WINDOW_DAYS} days
 * @param asOf the instant the plan is made at: nothing at or after it is read
 * @param deliver whether to send the plan as a {@code learning.plan} notification
 */
public record PlanRequest(
    Optional<MemberId> member, Optional<TeamId> team, List<String> planTags, int limit, Duration window,
    Instant asOf, boolean deliver) {
  /** Recommendations when the request does not say. */
  public static final int DEFAULT_LIMIT = 5;
  /** Most recommendations one plan has. */
  public static final int MAX_LIMIT = 50;
  /** Most plan tags. */
  public static final int MAX_PLAN_TAGS = 20;
  /** Longest window, in days. */
  public static final int MAX_WINDOW_DAYS = 3660;
  /** The window of recent work when the request does not say: 90 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  /** Validates and copies. */
  public PlanRequest {
    requireNonNull(member, "member");
    requireNonNull(team, "team");
    if (member.isPresent() == team.isPresent()) {
      throw new IllegalArgumentException("a plan is for exactly one member or one team");
    }
    planTags = tags(requireNonNull(planTags, "planTags"));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    requireNonNull(window, "window");
    if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) > 0) {
      throw new IllegalArgumentException("window must be 1 to " + MAX_WINDOW_DAYS + " days, got " + window);
    }
    requireNonNull(asOf, "asOf");
  }

  /** A plan for one member, with the defaults. */
  public static PlanRequest forMember(MemberId member, Instant asOf) {
    return new PlanRequest(Optional.of(requireNonNull(member, "member")), Optional.empty(), List.of(), DEFAULT_LIMIT,
        DEFAULT_WINDOW, asOf, false);
  }

  /** A plan for one team, with the defaults. */
  public static PlanRequest forTeam(TeamId team, Instant asOf) {
    return new PlanRequest(Optional.empty(), Optional.of(requireNonNull(team, "team")), List.of(), DEFAULT_LIMIT,
        DEFAULT_WINDOW, asOf, false);
  }

  /** This request with these tags of planned work. */
  public PlanRequest withPlanTags(List<String> tags) {
    return new PlanRequest(member, team, tags, limit, window, asOf, deliver);
  }

  /** This request with this many recommendations. */
  public PlanRequest withLimit(int n) {
    return new PlanRequest(member, team, planTags, n, window, asOf, deliver);
  }

  /** This request reading this window of recent work. */
  public PlanRequest withWindow(Duration w) {
    return new PlanRequest(member, team, planTags, limit, w, asOf, deliver);
  }

  /** This request, delivering the plan as a notification. */
  public PlanRequest notifying() {
    return new PlanRequest(member, team, planTags, limit, window, asOf, true);
  }

  private static List<String> tags(List<String> given) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String t : given) {
      String tag = requireNonNull(t, "plan tag").trim();
      if (tag.isEmpty() || tag.length() > 100) {
        throw new IllegalArgumentException("a plan tag must be 1 to 100 characters, got '" + t + "'");
      }
      out.add(tag);
    }
    if (out.size() > MAX_PLAN_TAGS) {
      throw new IllegalArgumentException("at most " + MAX_PLAN_TAGS + " plan tags, got " + out.size());
    }
    return List.copyOf(new ArrayList<>(out));
  }
}
