package io.convener.examples.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.PluginException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example code-review signal reads its export and joins the champion score with its evidence. */
class CodeReviewSignalTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final SignalWindow WINDOW = new SignalWindow(Instant.parse("2026-08-03T00:00:00Z"), AS_OF);
  private static final String CSV =
      """
      tenant,reviewer,author,at,change,comments
      acme,ana,bo,2026-10-01T10:00:00Z,PR-1,0
      acme,ana,bo,2026-10-02T10:00:00Z,PR-2,6
      acme,bo,ana,2026-10-03T10:00:00Z,PR-3,1
      acme,bo,bo,2026-10-04T10:00:00Z,PR-4,9
      acme,cy,ana,2025-01-01T10:00:00Z,PR-0,3
      other,cy,ana,2026-10-05T10:00:00Z,PR-9,3
      """;

  @TempDir Path dir;

  private Path export(String text) throws Exception {
    Path csv = dir.resolve("reviews.csv");
    Files.writeString(csv, text);
    return csv;
  }

  @Test
  void countsReviewsInTheWindowWithDiminishingCommentsAndNoSelfReviews() throws Exception {
    SignalValues v = new CodeReviewSignal(export(CSV)).compute(ACME, WINDOW);
    assertThat(v.of(MemberId.of("ana")).orElseThrow().value()).isCloseTo(2 + Math.log(7), within(1e-12));
    assertThat(v.of(MemberId.of("ana")).orElseThrow().evidence()).containsExactly("reviewed PR-2", "reviewed PR-1");
    assertThat(v.of(MemberId.of("bo")).orElseThrow().value()).as("own PR-4 not counted")
        .isCloseTo(1 + Math.log(2), within(1e-12));
    assertThat(v.of(MemberId.of("cy"))).as("outside the window, or another tenant's").isEmpty();
  }

  @Test
  void joinsTheChampionScoreWithItsDefaultWeightAndEvidence() throws Exception {
    Principal admin = Principal.of(ACME, "admin", Role.ADMIN);
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:signal-" + UUID.randomUUID()).inMemoryKeys()
        .module(new CodeReviewSignalModule(export(CSV))).build()) {
      List<Member> members = List.of(Member.of(MemberId.of("ana")), Member.of(MemberId.of("bo")));
      c.ingest().submit(admin, members, List.of(Event.builder(EventId.of("e1"), AS_OF.minusSeconds(86_400),
          EventKind.REPLY, MemberId.of("bo")).targets(MemberId.of("ana")).build()));
      for (Member m : members) {
        c.consent().grant(admin, m.id(), Purpose.CHAMPION_RECOMMENDATION, "n-1");
      }
      ChampionRanking r = c.champions().rank(admin, ChampionQuery.builder().asOf(AS_OF).build());
      assertThat(r.signals()).containsEntry(CodeReviewSignal.NAME, 0.15);
      RankedMember ana = r.champions().stream().filter(e -> e.member().value().value().equals("ana")).findFirst()
          .orElseThrow();
      assertThat(ana.components().get(CodeReviewSignal.NAME)).as("ana reviewed most").isEqualTo(1.0);
      assertThat(ana.weights()).containsEntry(CodeReviewSignal.NAME, 0.15);
      assertThat(ana.evidence().signals().get(CodeReviewSignal.NAME)).contains("reviewed PR-2");
      RankedMember bo = r.champions().stream().filter(e -> e.member().value().value().equals("bo")).findFirst()
          .orElseThrow();
      assertThat(bo.components().get(CodeReviewSignal.NAME))
          .isCloseTo((1 + Math.log(2)) / (2 + Math.log(7)), within(1e-12));
    }
  }

  @Test
  void aBrokenExportFailsTheRequestNamingTheSignal() throws Exception {
    Principal admin = Principal.of(ACME, "admin", Role.ADMIN);
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:signal-" + UUID.randomUUID()).inMemoryKeys()
        .module(new CodeReviewSignalModule(export("who,what\n"))).build()) {
      assertThatThrownBy(() -> c.champions().rank(admin, ChampionQuery.builder().asOf(AS_OF).build()))
          .isInstanceOf(PluginException.class).hasMessageContaining("code-reviews");
    }
  }
}
