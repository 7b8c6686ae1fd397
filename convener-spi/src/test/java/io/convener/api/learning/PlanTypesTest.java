package io.convener.api.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The validation of {@link PlanRequest}, {@link Recommendation} and {@link LearningPlan}. */
class PlanTypesTest {
  private static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

  @Test
  void aRequestIsForExactlyOneMemberOrTeamWithinItsBounds() {
    PlanRequest r = PlanRequest.forMember(MemberId.of("ana"), T);
    assertThat(r.limit()).isEqualTo(5);
    assertThat(r.window()).isEqualTo(Duration.ofDays(90));
    assertThat(r.deliver()).isFalse();
    assertThat(r.notifying().deliver()).isTrue();
    assertThat(r.withPlanTags(List.of(" kafka", "kafka ", "sql")).planTags()).containsExactly("kafka", "sql");
    assertThatThrownBy(() -> new PlanRequest(Optional.of(MemberId.of("ana")), Optional.of(TeamId.of("t1")), List.of(),
        5, Duration.ofDays(90), T, false)).hasMessageContaining("exactly one member or one team");
    assertThatThrownBy(() -> new PlanRequest(Optional.empty(), Optional.empty(), List.of(), 5, Duration.ofDays(90), T,
        false)).hasMessageContaining("exactly one member or one team");
    assertThatThrownBy(() -> r.withLimit(0)).hasMessage("limit must be 1 to 50, got 0");
    assertThatThrownBy(() -> r.withLimit(51)).hasMessage("limit must be 1 to 50, got 51");
    assertThatThrownBy(() -> r.withWindow(Duration.ofHours(23))).hasMessageContaining("window must be 1 to 3660 days");
    assertThatThrownBy(() -> r.withWindow(Duration.ofDays(3661))).hasMessageContaining("window must be 1 to 3660 days");
    assertThatThrownBy(() -> r.withPlanTags(List.of(" "))).hasMessageContaining("a plan tag must be 1 to 100 characters");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("t" + i);
    }
    assertThatThrownBy(() -> r.withPlanTags(many)).hasMessage("at most 20 plan tags, got 21");
  }

  @Test
  void aRecommendationMatchesATagAndExplainsItself() {
    Recommendation r = new Recommendation(EventId.of("l5"), 1.2, List.of("postgres", "sql"), List.of("kafka"), 2,
        List.of(), 1);
    assertThat(r.withheldAppliers()).isEqualTo(2);
    assertThat(r.reason()).isEqualTo("matches recent work in postgres, sql; matches planned work in kafka;"
        + " applied by 2 others; named by 1 outcome");
    assertThat(new Recommendation(EventId.of("l6"), 0.5, List.of("sql"), List.of(), 1, List.of(), 0).reason())
        .isEqualTo("matches recent work in sql; applied by 1 other");
    assertThatThrownBy(() -> new Recommendation(EventId.of("l6"), 0.5, List.of(), List.of(), 0, List.of(), 0))
        .hasMessage("a recommendation matches at least one tag");
    assertThatThrownBy(() -> new Recommendation(EventId.of("l6"), Double.NaN, List.of("sql"), List.of(), 0, List.of(), 0))
        .hasMessageContaining("score must be finite");
    assertThatThrownBy(() -> new Recommendation(EventId.of("l6"), 1, List.of("sql"), List.of(), 0, List.of(), -1))
        .hasMessageContaining("outcomes be >= 0");
  }

  @Test
  void aTeamPlanNamesNobodyAndCarriesItsProvenanceId() {
    LearningPlan p = new LearningPlan(Optional.empty(), Optional.of(TeamId.of("t1")), T, Duration.ofDays(90),
        List.of("sql"), List.of(), List.of(), 0, LearningPlan.UNSTAMPED);
    assertThat(p.subject()).isEqualTo("team:t1");
    assertThat(p.disclosures()).isEmpty();
    assertThat(p.withProvenanceId(7).provenanceId()).isEqualTo(7);
    assertThatThrownBy(() -> new LearningPlan(Optional.empty(), Optional.empty(), T, Duration.ofDays(90), List.of(),
        List.of(), List.of(), 0, -1)).hasMessageContaining("exactly one member or one team");
    assertThatThrownBy(() -> p.withProvenanceId(-2)).hasMessageContaining("provenanceId >= -1");
  }
}
