package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.Contribution;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.internal.learning.OfflineAttribution;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes declare which way their value improves ({@code attrs.direction}), and attribution reads
 * a change of value that way: what entered the team's lineage between its previous report of the
 * metric and an improved one gets the {@code outcome-change} evidence; a setback gives none.
 */
class OutcomeDirectionTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId CY = MemberId.of("cy");
  private static final MemberId DEE = MemberId.of("dee");

  private final Convener convener = Scenarios.open();

  @AfterEach
  void close() {
    convener.close();
  }

  @Test
  void aLowerValueIsAnImprovementOnlyWhenTheOutcomeSaysLowerIsBetter() {
    Contribution lower = dee(load("lower", 50, 40, OutcomeDirection.LOWER_IS_BETTER));
    Contribution setback = dee(load("higher", 50, 40, null));
    assertThat(rules(lower)).contains(EvidenceRule.OUTCOME_CHANGE);
    assertThat(lower.evidence()).filteredOn(e -> e.rule() == EvidenceRule.OUTCOME_CHANGE)
        .extracting(Evidence::event).containsExactly(EventId.of("o0"));
    assertThat(rules(setback)).as("50 -> 40 is a setback when higher is better").doesNotContain(EvidenceRule.OUTCOME_CHANGE);
    assertThat(lower.share()).isGreaterThan(setback.share());
  }

  @Test
  void aHigherValueIsAnImprovementByDefault() {
    Contribution improved = dee(load("default", 50, 60, null));
    Contribution wrongWay = dee(load("declared", 50, 60, OutcomeDirection.LOWER_IS_BETTER));
    assertThat(rules(improved)).contains(EvidenceRule.OUTCOME_CHANGE);
    assertThat(rules(wrongWay)).doesNotContain(EvidenceRule.OUTCOME_CHANGE);
    assertThat(improved.share()).isGreaterThan(wrongWay.share());
  }

  @Test
  void lowerIsBetterOutcomesOfTheGeneratorAttributeToTheGoal() {
    LearningScenario s = LearningScenario.builder(AttributionAccuracyTest.HELD_OUT_SEEDS[0])
        .direction(OutcomeDirection.LOWER_IS_BETTER).outcomes(150).build();
    assertThat(s.events()).filteredOn(e -> e.kind() == EventKind.OUTCOME)
        .allMatch(e -> OutcomeDirection.of(e.attrs()) == OutcomeDirection.LOWER_IS_BETTER);
    // In memory: AttributionAccuracyTest checks that the catalyst behind the API ranks the same.
    AttributionAccuracy acc = AttributionAccuracy.ofRanked(s.originators(),
        OfflineAttribution.ranked(s.members(), s.events(), AttributionModel.defaultModel(), OfflineAttribution.weights()));
    assertThat(acc.top1Rate()).as(acc.toString()).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Bo's caching lesson was applied by team t1 before its report o0; Dee's, on the same topic,
   * after it. Report o1 then gives the metric's next value.
   */
  private Attribution load(String tenantName, double before, double after, @Nullable OutcomeDirection direction) {
    TenantId tenant = TenantId.of(tenantName);
    Principal admin = Principal.of(tenant, "admin", Role.ADMIN);
    List<Member> members = List.of(
        Member.builder(ANA).teams(TeamId.of("t1")).build(),
        Member.builder(BO).teams(TeamId.of("t2")).build(),
        Member.builder(CY).teams(TeamId.of("t1")).build(),
        Member.builder(DEE).teams(TeamId.of("t3")).build());
    List<Event> events = List.of(
        event("l1", 0, EventKind.LEARNING, BO, "t2", List.of(), Attrs.empty()),
        event("a1", 1, EventKind.APPLIED, ANA, "t1", List.of("l1"), Attrs.empty()),
        event("o0", 5, EventKind.OUTCOME, CY, "t1", List.of(), metric(before, direction)),
        event("l2", 6, EventKind.LEARNING, DEE, "t3", List.of(), Attrs.empty()),
        event("a2", 7, EventKind.APPLIED, ANA, "t1", List.of("l2"), Attrs.empty()),
        event("o1", 10, EventKind.OUTCOME, CY, "t1", List.of(), metric(after, direction)));
    convener.ingest().submit(admin, members, events);
    for (Member m : members) {
      convener.consent().grant(admin, m.id(), Purpose.LEARNING_ATTRIBUTION, "notice-1");
    }
    return convener.learning().attribute(admin, EventId.of("o1"));
  }

  private static Attrs metric(double value, @Nullable OutcomeDirection direction) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("metric", "lead-time");
    attrs.put("value", value);
    if (direction != null) {
      attrs.put(OutcomeDirection.ATTR, direction.wireName());
    }
    return Attrs.of(attrs);
  }

  private static Event event(String id, int day, EventKind kind, MemberId actor, String team, List<String> refs, Attrs attrs) {
    return Event.builder(EventId.of(id), T0.plus(Duration.ofDays(day)), kind, actor)
        .team(TeamId.of(team)).refs(refs.stream().map(EventId::of).toList()).tags("caching").attrs(attrs).build();
  }

  private static Contribution dee(Attribution a) {
    return a.contributors().stream().filter(c -> c.member().value().equals(DEE)).findFirst().orElseThrow();
  }

  private static List<EvidenceRule> rules(Contribution c) {
    return c.evidence().stream().map(Evidence::rule).toList();
  }
}
