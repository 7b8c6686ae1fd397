package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.pulse.RiskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result a piece of feedback is about, by kind:
 *
 * <ul>
 *   <li>{@link FeedbackKind#CHAMPION}: the recommended {@code member};
 *   <li>{@link FeedbackKind#ATTRIBUTION}: the {@code member} credited for the {@code outcome};
 *   <li>{@link FeedbackKind#RISK}: a {@code risk} kind with the {@code member} the flag names (for
 *       an individual kind such as {@code SILENT_MEMBER}), or with the {@code team} whose pulse
 *       raised it (for a kind about the whole scope).
 * </ul>
 *
 * Build one with the static factories. Immutable and thread-safe.
 *
 * @param kind what the feedback is about
 * @param member the member the result names, where the kind has one
 * @param team the team of a scope-wide risk flag
 * @param outcome the outcome of an attribution
 * @param risk the kind of a risk flag
 */
public record FeedbackTarget(
    FeedbackKind kind, Optional<MemberId> member, Optional<TeamId> team, Optional<EventId> outcome,
    Optional<RiskKind> risk) {
  /** Validates the combination of the kind and its parts. */
  public FeedbackTarget {
    requireNonNull(kind, "kind");
    requireNonNull(member, "member");
    requireNonNull(team, "team");
    requireNonNull(outcome, "outcome");
    requireNonNull(risk, "risk");
    switch (kind) {
      case CHAMPION -> check(member.isPresent() && team.isEmpty() && outcome.isEmpty() && risk.isEmpty(),
          "champion feedback names a member, and nothing else");
      case ATTRIBUTION -> check(member.isPresent() && outcome.isPresent() && team.isEmpty() && risk.isEmpty(),
          "attribution feedback names an outcome and the member credited for it");
      case RISK -> {
        check(risk.isPresent() && outcome.isEmpty(), "risk feedback names a risk kind");
        boolean individual = risk.orElseThrow().individual();
        check(individual ? member.isPresent() && team.isEmpty() : team.isPresent() && member.isEmpty(),
            individual ? "a " + risk.orElseThrow() + " flag names a member, not a team"
                : "a " + risk.orElseThrow() + " flag is about a team, not a member");
      }
    }
  }

  /** Feedback about a member's place in champion rankings. */
  public static FeedbackTarget champion(MemberId member) {
    return new FeedbackTarget(FeedbackKind.CHAMPION, Optional.of(member), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** Feedback about the credit {@code member} gets for {@code outcome}. */
  public static FeedbackTarget attribution(EventId outcome, MemberId member) {
    return new FeedbackTarget(FeedbackKind.ATTRIBUTION, Optional.of(member), Optional.empty(), Optional.of(outcome),
        Optional.empty());
  }

  /** Feedback about an individual risk flag ({@link RiskKind#individual()}) that names {@code member}. */
  public static FeedbackTarget memberRisk(RiskKind risk, MemberId member) {
    return new FeedbackTarget(FeedbackKind.RISK, Optional.of(member), Optional.empty(), Optional.empty(),
        Optional.of(risk));
  }

  /** Feedback about a scope-wide risk flag raised for {@code team}. */
  public static FeedbackTarget teamRisk(RiskKind risk, TeamId team) {
    return new FeedbackTarget(FeedbackKind.RISK, Optional.empty(), Optional.of(team), Optional.empty(),
        Optional.of(risk));
  }

  /** The entity ids of the target as the provenance log names them ({@code member:…}, {@code event:…}, {@code team:…}). */
  public List<String> entities() {
    List<String> ids = new ArrayList<>();
    member.ifPresent(m -> ids.add("member:" + m.value()));
    outcome.ifPresent(o -> ids.add("event:" + o.value()));
    team.ifPresent(t -> ids.add("team:" + t.value()));
    return List.copyOf(ids);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
