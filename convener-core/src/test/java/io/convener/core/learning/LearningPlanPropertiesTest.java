package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.PlanRequest;
import io.convener.api.learning.Recommendation;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.testing.learning.PlanQuality;
import io.convener.testing.learning.PlanScenario;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Learning plans over generated organisations ({@link PlanScenario}, 4 teams of 6): what a plan
 * may never contain, for every member, and that plans anticipate later applications better than
 * the popularity baseline. The seed is printed.
 */
class LearningPlanPropertiesTest {
  private static PlanScenario scenario(long seed) {
    System.out.println("PlanScenario seed " + seed);
    return PlanScenario.builder(seed).teams(4, 6).artifacts(160, 20).build();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101, 102, 103})
  void aPlanHoldsOnlyUnappliedArtifactsOfItsTimeMatchingItsProfileBestFirst(long seed) {
    PlanScenario s = scenario(seed);
    Map<EventId, Event> artifacts = new HashMap<>();
    Map<MemberId, Set<EventId>> known = new HashMap<>();
    for (Event e : s.events()) {
      if (e.at().isBefore(s.asOf()) && e.kind() == EventKind.LEARNING) {
        artifacts.put(e.id(), e);
        known.computeIfAbsent(e.actor(), m -> new HashSet<>()).add(e.id());
      } else if (e.at().isBefore(s.asOf()) && e.kind() == EventKind.APPLIED) {
        known.computeIfAbsent(e.actor(), m -> new HashSet<>()).addAll(e.refs());
      }
    }
    try (Convener c = Scenarios.open()) {
      load(c, s);
      for (Member m : s.members()) {
        LearningPlan p = c.learning().plan(Scenarios.ADMIN,
            PlanRequest.forMember(m.id(), s.asOf()).withLimit(8).withPlanTags(s.plannedTags(m.id())));
        assertThat(p.recommendations()).hasSizeBetween(1, 8);
        double previous = Double.POSITIVE_INFINITY;
        for (Recommendation r : p.recommendations()) {
          Event a = artifacts.get(r.artifact());
          assertThat(a).as("%s: %s is an artifact published before T", m.id(), r.artifact()).isNotNull();
          assertThat(known.getOrDefault(m.id(), Set.of())).as("%s applied or wrote it", m.id())
              .doesNotContain(r.artifact());
          assertThat(a.tags()).containsAll(r.matchedTags()).containsAll(r.plannedTags());
          assertThat(p.planTags()).containsAll(r.plannedTags());
          assertThat(p.workTags().isEmpty() && r.plannedTags().isEmpty()).isFalse();
          assertThat(r.score()).isLessThanOrEqualTo(previous);
          previous = r.score();
        }
      }
    }
  }

  /** Pooled over three fixed seeds (72 members): one small organisation alone is too noisy to compare. */
  @Test
  void plansAnticipateLaterApplicationsBetterThanPopularity() {
    double plan = 0;
    double popular = 0;
    for (long seed : new long[] {201, 202, 203}) {
      PlanScenario s = scenario(seed);
      Map<MemberId, List<EventId>> plans = new HashMap<>();
      try (Convener c = Scenarios.open()) {
        load(c, s);
        for (Member m : s.members()) {
          plans.put(m.id(), c.learning().plan(Scenarios.ADMIN, PlanRequest.forMember(m.id(), s.asOf())
              .withPlanTags(s.plannedTags(m.id()))).recommendations().stream().map(Recommendation::artifact).toList());
        }
      }
      PlanQuality p = PlanQuality.of(s.laterApplications(), plans::get, 5);
      PlanQuality b = PlanQuality.of(s.laterApplications(), m -> s.popular(m, 5), 5);
      System.out.printf("seed %d: plan %s, popularity %s%n", seed, p, b);
      plan += p.precision() * p.members();
      popular += b.precision() * b.members();
    }
    assertThat(plan).as("later applications among the first 5, plans vs popularity").isGreaterThan(popular * 1.15);
  }

  private static void load(Convener c, PlanScenario s) {
    c.ingest().submit(Scenarios.ADMIN, s.members(), s.events());
    for (Member m : s.members()) {
      c.consent().grant(Scenarios.ADMIN, m.id(), Purpose.LEARNING_ATTRIBUTION, "notice-1");
    }
  }
}
