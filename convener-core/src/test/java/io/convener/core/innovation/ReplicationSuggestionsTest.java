package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.GLOBEX;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.at;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static io.convener.core.innovation.SpreadFixture.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.ReplicationSuggestion;
import io.convener.api.innovation.ReplicationSuggestions;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.provenance.ProvenanceEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replication suggestions through the service: ranking, evidence, gate, provenance, tenants. */
class ReplicationSuggestionsTest {
  private static final EventId I1 = EventId.of("i1");
  private SpreadFixture f;

  @BeforeEach
  void world() {
    f = new SpreadFixture();
    f.members(ACME, "a1", "alpha", "a2", "alpha", "b1", "beta", "c1", "gamma", "d1", "delta", "e1", "eps", "p1", "phi");
    f.members(GLOBEX, "x1", "omega", "x2", "alpha");
    f.events(ACME, innovation("i1", "a1", "alpha", 0), adoption("ad1", "i1", "b1", "beta", 2, null, null),
        adoption("ad2", "i1", "p1", "phi", 20, null, null),
        meeting("m1", "c1", "a1", 3), meeting("m2", "a2", "c1", 4), meeting("m3", "c1", "b1", 5),
        tagged("t1", "a1", "alpha", "kotlin", "graphql", "standup"), tagged("t2", "b1", "beta", "kotlin", "standup"),
        tagged("t3", "d1", "delta", "kotlin", "standup"), tagged("t4", "c1", "gamma", "standup"),
        tagged("t5", "e1", "eps", "standup"), tagged("t6", "p1", "phi", "standup"));
    f.events(GLOBEX, innovation("g1", "x2", "alpha", 0), meeting("gm1", "x1", "x2", 3),
        meeting("gm2", "x1", "x2", 4), tagged("gt1", "x1", "omega", "kotlin"));
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void ranksTeamsByCollaborationAndSimilarityWithTheirReasons() {
    ReplicationSuggestions r = spread().suggest(admin(ACME), I1, 10, at(10));
    assertThat(r.adoptingTeams()).isEqualTo(2);
    assertThat(r.candidateTeams()).isEqualTo(4);
    assertThat(r.suggestions()).extracting(s -> s.team().value()).containsExactly("gamma", "delta", "eps", "phi");
    ReplicationSuggestion gamma = r.suggestions().get(0);
    assertThat(gamma.collaborations()).isEqualTo(3);
    assertThat(gamma.proximity()).isEqualTo(1.0);
    assertThat(gamma.nearestAdopter()).contains(TeamId.of("alpha"));
    assertThat(gamma.reason()).isEqualTo("3 collaborations with adopting teams (most with alpha); "
        + "no distinctive practice terms in common");
    ReplicationSuggestion delta = r.suggestions().get(1);
    assertThat(delta.collaborations()).isZero();
    assertThat(delta.similarity()).isGreaterThan(0.5).isLessThan(1.0);
    assertThat(delta.sharedTerms()).containsExactly("kotlin");
    assertThat(delta.reason()).startsWith("no collaborations with adopting teams; practice similarity 0.")
        .endsWith("(shared: kotlin)");
    assertThat(r.suggestions().get(2).score()).isZero();
    for (String person : List.of("a1", "a2", "b1", "c1", "d1", "e1", "p1")) {
      assertThat(r.toString()).doesNotContain("=" + person + ",").doesNotContain(person + ")");
    }
  }

  @Test
  void laterAdoptionsCountOnlyFromTheirDayAndTheLimitCuts() {
    ReplicationSuggestions later = spread().suggest(admin(ACME), I1, InnovationSpread.DEFAULT_SUGGESTION_LIMIT, at(30));
    assertThat(later.adoptingTeams()).isEqualTo(3);
    assertThat(later.suggestions()).extracting(s -> s.team().value()).containsExactly("gamma", "delta", "eps");
    assertThat(spread().suggest(admin(ACME), I1, 1, at(10)).suggestions()).hasSize(1);
  }

  @Test
  void oneGatedProvenanceEntryNamesTheSuggestedTeams() {
    ReplicationSuggestions r = spread().suggest(admin(ACME), I1, 2, at(10));
    List<ProvenanceEntry> entries = f.entries(ACME, DefaultInnovationSpread.SUGGEST);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).sequence()).isEqualTo(r.provenanceId());
    assertThat(entries.get(0).used()).containsExactly("event:i1");
    assertThat(entries.get(0).generated())
        .containsExactly("replication-suggestion:i1:gamma", "replication-suggestion:i1:delta");
    assertThatThrownBy(() -> spread().suggest(Principal.of(ACME, "c1", Role.MEMBER), I1, 5, at(10)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anotherTenantsTeamsAndInnovationsStayOut() {
    assertThatThrownBy(() -> spread().suggest(admin(GLOBEX), I1, 5, at(10)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no innovation i1");
    ReplicationSuggestions g = spread().suggest(admin(GLOBEX), EventId.of("g1"), 5, at(10));
    assertThat(g.suggestions()).extracting(s -> s.team().value()).containsExactly("omega");
    assertThat(g.suggestions().get(0).collaborations()).isEqualTo(2);
  }

  @Test
  void badInputIsAClearError() {
    assertThatThrownBy(() -> spread().suggest(admin(ACME), EventId.of("nope"), 5, at(10)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).contains("innovation"))
        .hasMessageContaining("has no innovation nope");
    assertThatThrownBy(() -> spread().suggest(admin(ACME), I1, 5, at(-1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after asOf");
    assertThatThrownBy(() -> spread().suggest(admin(ACME), I1, 0, at(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be 1 to 100, got 0");
  }

  private InnovationSpread spread() {
    return f.convener.innovation();
  }

  private static Event tagged(String id, String actor, String team, String... tags) {
    return Event.builder(EventId.of(id), at(1), EventKind.MESSAGE, MemberId.of(actor)).team(TeamId.of(team))
        .tags(tags).build();
  }
}
