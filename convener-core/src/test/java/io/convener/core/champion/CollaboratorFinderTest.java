package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.Recommendation;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collaborators for team red (a, b, c) wanting kafka in the "two teams and a bridge" scenario: e
 * declares kafka; f posted twice about kafka and d endorsed f for it twice. Expected values by hand:
 * expertise e = 0.5 (declared), f = 0.3 * min(1, 1.5 / 2) + 0.2 * min(1, 2 / 5) = 0.305;
 * participation e = ln 3 / ln 6.5, f = 1 (activity 2 and 5.5); proximity of both = (0 + 1/2) / 3
 * (one shared contact, d); scores e = 0.25 + 0.2 ln 3 / ln 6.5 + 0.05, f = 0.1525 + 0.2 + 0.05.
 */
class CollaboratorFinderTest {
  private static Convener convener;
  private static Scenario s;

  @BeforeAll
  static void open() {
    convener = Scenario.open();
    s = new Scenario(convener, "collab").base();
    s.ingest(Scenario.member("e", Scenario.BLUE, "2026", "ops/blue", "Kafka"));
    s.ingest(tagged(EventKind.MESSAGE, "f", "f1"), tagged(EventKind.MESSAGE, "f", "f2"),
        tagged(EventKind.ENDORSEMENT, "d", "n1", "f"), tagged(EventKind.ENDORSEMENT, "d", "n2", "f"));
  }

  @AfterAll
  static void close() {
    convener.close();
  }

  private static Event tagged(EventKind kind, String actor, String id, String... targets) {
    return Event.builder(EventId.of(id), AS_OF.minus(Duration.ofDays(2)), kind, Scenario.m(actor))
        .targets(java.util.Arrays.stream(targets).map(Scenario::m).toList())
        .tags("kafka")
        .build();
  }

  private static CollaboratorRecommendations find(CollaboratorQuery q) {
    return convener.champions().collaborators(s.admin, q.withAsOf(AS_OF));
  }

  @Test
  void recommendsOutsidersWithTheSkillExplained() {
    CollaboratorRecommendations r = find(CollaboratorQuery.of(Scenario.RED, Set.of("kafka")));
    assertThat(r.recommendations()).extracting(x -> x.member().value().value()).containsExactly("e", "f");
    Recommendation e = r.recommendations().get(0);
    Recommendation f = r.recommendations().get(1);
    assertThat(e.score()).isCloseTo(0.25 + 0.2 * Math.log(3) / Math.log(6.5) + 0.05, within(1e-12));
    assertThat(f.score()).isCloseTo(0.1525 + 0.2 + 0.05, within(1e-12));
    assertThat(f.components().get("expertise")).isCloseTo(0.305, within(1e-12));
    assertThat(e.components().get("proximity")).isCloseTo(1 / 6.0, within(1e-12));
    assertThat(e.matchingSkills()).containsExactly("kafka");
    assertThat(e.reasons()).contains("skill kafka: declared", "ties to 0 of 3 team members",
        "1 shared contacts with the team: d", "activity in the window: 2");
    assertThat(f.reasons()).contains("skill kafka: endorsed 1.50, 2 tagged events");
    assertThat(e.sharedNeighbours()).extracting(d -> d.value().value()).containsExactly("d");
    assertThat(f.evidence()).extracting(EventId::value).as("latest first, at most 3; the later-ingested first at equal instants").containsExactly("n2", "n1", "f2");
    assertThat(r.provenanceId()).isPositive();
    assertThat(r.recommendations()).allSatisfy(x -> assertThat(x.provenanceId()).isEqualTo(r.provenanceId()));
  }

  @Test
  void diverseTiesWeighContactsNewToTheTeam() {
    CollaboratorRecommendations r = find(CollaboratorQuery.of(Scenario.RED, Set.of("kafka")).withDiverseTies(true));
    Recommendation e = r.recommendations().get(0);
    assertThat(e.components().get("diversity")).as("f is new to the team, d is not").isCloseTo(0.5, within(1e-12));
    assertThat(e.reasons()).contains("brings 1 contacts the team has no tie to");
  }

  @Test
  void sharedNeighboursWithoutConsentAreCountedNotNamed() {
    s.revoke("d");
    try {
      Recommendation e = find(CollaboratorQuery.of(Scenario.RED, Set.of("kafka"))).recommendations().get(0);
      assertThat(e.sharedNeighbours()).isEmpty();
      assertThat(e.sharedNeighboursWithheld()).isEqualTo(1);
      assertThat(e.reasons()).contains("1 shared contacts with the team: (+1 not named)");
      assertThat(String.join("|", e.reasons())).doesNotContain("team: d");
    } finally {
      s.consent("d");
    }
  }

  @Test
  void withoutSkillsTheTeamsDeclaredSkillsAreUsedAndTeamMembersAreNeverRecommended() {
    s.ingest(Scenario.member("a", Scenario.RED, "2025", "eng/red", "kafka"));
    CollaboratorRecommendations r = find(CollaboratorQuery.of(Scenario.RED, Set.of())
        .withWindow(Duration.ofDays(30)));
    assertThat(r.skills()).containsExactly("kafka");
    assertThat(r.recommendations()).extracting(x -> x.member().value().value()).doesNotContain("a", "b", "c");
    assertThat(find(CollaboratorQuery.of(Scenario.RED, Set.of("cobol"))).recommendations()).isEmpty();
  }
}
