package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.RankedMember;
import io.convener.api.notify.InboxMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The champion.status notifications a ranking commits with its provenance entry. */
class ChampionStatusTest {
  private Convener convener;

  @BeforeEach
  void open() {
    convener = Scenario.open();
  }

  @AfterEach
  void close() {
    convener.close();
  }

  private ChampionRanking rank(Scenario s) {
    return convener.champions().rank(s.admin, ChampionQuery.builder().asOf(AS_OF).build());
  }

  private List<InboxMessage> inbox(Scenario s, String member) {
    return convener.notifier().inbox(Principal.of(s.tenant, member, Role.MEMBER), 0, 100);
  }

  /** The member's inbox once the relay has delivered at least one message (at most 30 s). */
  private List<InboxMessage> awaitInbox(Scenario s, String member) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<InboxMessage> got = inbox(s, member);
    while (got.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      got = inbox(s, member);
    }
    return got;
  }

  private static String roles(RankedMember e) {
    return e.roles().stream().map(ChampionRole::wireName).sorted().collect(Collectors.joining(","));
  }

  @Test
  void everyListedMemberWithARoleIsToldOnceOfTheirStatusAndNobodyElseIs() throws InterruptedException {
    Scenario s = new Scenario(convener, "status").base();
    s.revoke("c");

    ChampionRanking first = rank(s);
    rank(s);

    List<RankedMember> withRoles = first.champions().stream().filter(e -> !e.roles().isEmpty()).toList();
    assertThat(withRoles).as("the scenario gives somebody a role").isNotEmpty();
    for (RankedMember e : withRoles) {
      awaitInbox(s, e.member().value().value());
    }
    for (RankedMember e : first.champions()) {
      String id = e.member().value().value();
      if (e.roles().isEmpty()) {
        assertThat(inbox(s, id)).as(id + " holds no role").isEmpty();
      } else {
        assertThat(inbox(s, id)).as(id + " told once despite two rankings").singleElement().satisfies(m -> {
          assertThat(m.kind()).isEqualTo(ChampionStatus.KIND);
          assertThat(m.payload()).containsEntry("roles", roles(e))
              .containsEntry("provenanceId", Long.toString(first.provenanceId()));
        });
      }
    }
    assertThat(inbox(s, "c")).as("c withdrew consent and is not listed, so not told").isEmpty();
  }
}
