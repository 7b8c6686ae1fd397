package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.Persona;
import io.convener.api.champion.RankedMember;
import io.convener.api.provenance.ProvenanceQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores, components, roles and personas of the "two teams and a bridge" scenario equal the values
 * that {@code src/test/resources/champion/expected_scores.py} computes with NetworkX.
 */
class ChampionScoringTest {
  private static final double EPS = 1e-9;
  private static Convener convener;
  private static Scenario s;
  private static ChampionRanking ranking;

  @BeforeAll
  static void rank() {
    convener = Scenario.open();
    s = new Scenario(convener, "acme").base();
    ranking = convener.champions().rank(s.admin, ChampionQuery.builder().asOf(AS_OF).limit(10).build());
  }

  @AfterAll
  static void close() {
    convener.close();
  }

  private static RankedMember entry(String id) {
    return ranking.champions().stream().filter(e -> e.member().value().value().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void scoresEqualTheReferenceAndOrderTheRanking() {
    assertThat(ranking.champions()).extracting(e -> e.member().value().value())
        .containsExactly("c", "d", "a", "b", "f", "e");
    assertThat(ranking.champions()).extracting(RankedMember::rank).containsExactly(1, 2, 3, 4, 5, 6);
    Map<String, Double> expected = Map.of("a", 0.396178633936, "b", 0.300138177067, "c", 0.949668071430,
        "d", 0.668907943041, "e", 0.279396801396, "f", 0.284964278218);
    expected.forEach((id, score) -> assertThat(entry(id).score()).as(id).isCloseTo(score, within(EPS)));
  }

  @Test
  void componentsAndRawValuesEqualTheReference() {
    RankedMember c = entry("c");
    assertThat(c.components()).containsOnlyKeys("influence", "engagement", "responses", "endorsements", "brokerage");
    assertThat(c.components().get("influence")).isCloseTo(1.0, within(EPS));
    assertThat(c.components().get("brokerage")).isCloseTo(0.748340357150, within(EPS));
    assertThat(c.raw().get("influence")).isCloseTo(0.265934404248, within(EPS));
    RankedMember d = entry("d");
    assertThat(d.components().get("influence")).isCloseTo(0.962332032358, within(EPS));
    assertThat(d.components().get("brokerage")).isCloseTo(0.662946428571, within(EPS));
    assertThat(entry("a").components().get("engagement")).isCloseTo(0.916666666667, within(EPS));
    assertThat(c.weights()).containsEntry("influence", 0.30).containsEntry("engagement", 0.20)
        .containsEntry("responses", 0.20).containsEntry("endorsements", 0.10).containsEntry("brokerage", 0.20);
  }

  @Test
  void repeatedEndorsementsAndReactionsGiveDiminishingReturnsAndSelfRepliesAreIgnored() {
    assertThat(entry("c").raw().get("endorsements")).as("1 + 0.5 + 0.25").isCloseTo(1.75, within(EPS));
    assertThat(entry("c").raw().get("responses")).as("replies from b and d, reactions 1 + 0.5").isCloseTo(3.5, within(EPS));
    assertThat(entry("c").raw().get("engagement")).as("two replies and a post; the self-reply not")
        .isCloseTo(3.0, within(EPS));
    assertThat(ranking.graph().eventsInWindow()).as("the self-reply is not counted").isEqualTo(14);
  }

  @Test
  void rolesAndPersonasFollowThePublishedThresholds() {
    assertThat(entry("c").roles()).containsExactlyInAnyOrder(ChampionRole.CHAMPION, ChampionRole.CONNECTOR);
    assertThat(entry("d").roles()).containsExactly(ChampionRole.CONNECTOR);
    assertThat(entry("a").roles()).isEmpty();
    assertThat(entry("c").persona()).isEqualTo(Persona.ENGAGER);
    assertThat(entry("a").persona()).as("ratio -0.63 is inside the band of ln 2").isEqualTo(Persona.ENGAGER);
    assertThat(entry("e").persona()).as("2 contributions and responses < 3").isEqualTo(Persona.OBSERVER);
  }

  @Test
  void everyEntryIsExplainedExactAndAudited() {
    RankedMember c = entry("c");
    assertThat(c.exact()).isTrue();
    assertThat(ranking.betweenness().exact()).isTrue();
    assertThat(c.evidence().events()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(c.evidence().people()).extracting(p -> p.person().value().value()).contains("a", "d", "b");
    assertThat(c.evidence().people().get(0).contribution()).isPositive();
    assertThat(ranking.provenanceId()).isPositive();
    assertThat(ranking.champions()).allSatisfy(e -> assertThat(e.provenanceId()).isEqualTo(ranking.provenanceId()));
    var entries = convener.provenance().query(s.admin,
        ProvenanceQuery.builder().activity(DefaultChampionDiscovery.RANK).build()).entries();
    var entry = entries.stream().filter(e -> e.sequence() == ranking.provenanceId()).findFirst().orElseThrow();
    assertThat(entry.used()).contains("window:2026-08-03T00:00:00Z/2026-11-01T00:00:00Z",
        "graph:nodes=6;edges=9;events=14");
    assertThat(entry.used()).anySatisfy(u -> assertThat(u).startsWith("watermark:15;"));
    assertThat(ranking.graph().nodes()).isEqualTo(6);
  }

  @Test
  void theMetricsListingIsTheContractGraph() {
    var report = convener.champions().metrics(s.admin,
        io.convener.api.champion.MetricsQuery.defaults().withAsOf(AS_OF));
    var c = report.members().stream().filter(m -> m.member().value().value().equals("c")).findFirst().orElseThrow();
    assertThat(report.members()).extracting(m -> m.member().value().value())
        .isEqualTo(List.of("a", "b", "c", "d", "e", "f"));
    assertThat(c.degree()).isEqualTo(3);
    assertThat(c.strength()).isCloseTo(9, within(EPS));
    assertThat(c.pagerank()).isCloseTo(0.271040616871, within(1e-9));
    assertThat(c.betweenness()).isCloseTo(0.7, within(1e-9));
    assertThat(c.constraint()).isCloseTo(0.506203703704, within(1e-9));
    assertThat(c.effectiveSize()).as("by definition; see expected_scores.py").isCloseTo(2.768518518519, within(1e-9));
    assertThat(report.provenanceId()).isPositive();
  }
}
