package io.convener.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.ConsentChangedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import io.convener.core.Conveners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replays of a champion ranking through the gate: who may be handed it again, what the log says
 * about each hand-out, and that a person who withdrew consent is never handed out again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaysTest {
  static final TenantId ACME = TenantId.of("acme");
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
  static final Principal AUDITOR = Principal.of(ACME, "audrey", Role.COMPLIANCE_OFFICER);

  Convener convener;

  @BeforeAll
  void open() {
    convener = Conveners.builder().database("jdbc:h2:mem:replays-" + UUID.randomUUID()).inMemoryKeys().build();
    List<Member> members = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
    }
    String[][] replies = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}};
    for (int i = 0; i < replies.length; i++) {
      events.add(Event.builder(EventId.of("e" + i), AS_OF.minus(Duration.ofDays(3 + i)), EventKind.REPLY,
          MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
    }
    convener.ingest().submit(ADMIN, members, events);
    members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
  }

  @AfterAll
  void close() {
    convener.close();
  }

  Recorded<ChampionRanking> rankAs(Principal p) {
    return convener.replays().record(p, () -> convener.champions().rank(p, ChampionQuery.builder().asOf(AS_OF).build()));
  }

  ProvenanceEntry entry(long sequence) {
    return convener.provenance().query(AUDITOR, ProvenanceQuery.builder().after(sequence - 1).limit(1).build())
        .entries().get(0);
  }

  @Test
  void aReplayToTheSameCallerIsCheckedAndLoggedWithReplayOf() {
    Recorded<ChampionRanking> first = rankAs(MANAGER);
    assertThat(first.result().champions()).isNotEmpty();
    Receipt receipt = first.receipt().orElseThrow();
    assertThat(receipt.entries()).containsExactly(first.result().provenanceId());

    List<Long> replay = convener.replays().replay(MANAGER, receipt);

    ProvenanceEntry logged = entry(replay.get(0));
    assertThat(logged.activity()).isEqualTo("champion.rank");
    assertThat(logged.agent().id()).isEqualTo("cm");
    assertThat(logged.outcome()).isEqualTo(Outcome.ok());
    assertThat(logged.replayOf()).hasValue(first.result().provenanceId());
    assertThat(entry(first.result().provenanceId()).replayOf()).isEmpty();
    var verification = convener.provenance().verify(AUDITOR);
    assertThat(verification.verified()).as(verification.toString()).isTrue();
  }

  @Test
  void anotherSubjectIsDeniedAndTheDenialIsLogged() {
    Receipt receipt = rankAs(MANAGER).receipt().orElseThrow();
    Principal otherManager = Principal.of(ACME, "cm2", Role.COMMUNITY_MANAGER);

    assertThatThrownBy(() -> convener.replays().replay(otherManager, receipt))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("only to the subject");
    ProvenanceEntry denied = lastEntry();
    assertThat(denied.agent().id()).isEqualTo("cm2");
    assertThat(denied.outcome().status()).isEqualTo(Outcome.Status.DENIED);
    assertThat(denied.replayOf()).hasValue(receipt.entries().get(0));
  }

  @Test
  void theSameSubjectWithoutTheRoleAnyMoreIsDenied() {
    Receipt receipt = rankAs(MANAGER).receipt().orElseThrow();
    Principal demoted = Principal.of(ACME, "cm", Role.MEMBER);

    assertThatThrownBy(() -> convener.replays().replay(demoted, receipt))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("champion.rank needs one of the roles");
    ProvenanceEntry denied = lastEntry();
    assertThat(denied.outcome().code()).isEqualTo("access_denied");
    assertThat(denied.replayOf()).hasValue(receipt.entries().get(0));
  }

  @Test
  void anotherTenantIsDeniedAtTheBoundaryAndLoggedInItsOwnLog() {
    Receipt receipt = rankAs(MANAGER).receipt().orElseThrow();
    Principal globex = Principal.of(TenantId.of("globex"), "cm", Role.COMMUNITY_MANAGER);
    convener.ingest().submit(Principal.of(globex.tenant(), "admin", Role.ADMIN),
        List.of(Member.builder(MemberId.of("z")).build()), List.of()); // the tenant exists, with a log

    assertThatThrownBy(() -> convener.replays().replay(globex, receipt))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("tenant boundary");
    ProvenanceEntry denied = convener.provenance().query(Principal.of(globex.tenant(), "gia", Role.COMPLIANCE_OFFICER),
        ProvenanceQuery.builder().activity("champion.rank").build()).entries().get(0);
    assertThat(denied.agent().id()).isEqualTo("cm");
    assertThat(denied.replayOf()).as("names no entry of another tenant's log").isEmpty();
    assertThat(denied.outcome().status()).isEqualTo(Outcome.Status.DENIED);
  }

  @Test
  void aWithdrawalAfterTheOriginalFailsTheReplayAsAConsentChange() {
    Recorded<ChampionRanking> first = rankAs(MANAGER);
    MemberId named = first.result().champions().get(0).member().value();
    convener.consent().revoke(ADMIN, named, Purpose.CHAMPION_RECOMMENDATION);
    try {
      assertThatThrownBy(() -> convener.replays().replay(MANAGER, first.receipt().orElseThrow()))
          .isInstanceOf(ConsentChangedException.class);
      ProvenanceEntry failed = lastEntry();
      assertThat(failed.outcome().code()).isEqualTo("consent_changed");
      assertThat(failed.replayOf()).hasValue(first.result().provenanceId());
    } finally {
      convener.consent().grant(ADMIN, named, Purpose.CHAMPION_RECOMMENDATION, "notice-1");
    }
  }

  @Test
  void aDeniedCallGivesNoReceipt() {
    Principal member = Principal.of(ACME, "a", Role.MEMBER);
    Recorded<String> r = convener.replays().record(member, () -> {
      try {
        convener.champions().rank(member, ChampionQuery.builder().asOf(AS_OF).build());
        return "ranked";
      } catch (AccessDeniedException e) {
        return "denied";
      }
    });
    assertThat(r.result()).isEqualTo("denied");
    assertThat(r.receipt()).isEmpty();
    assertThat(convener.replays().record(MANAGER, () -> "no call").receipt()).isEmpty();
  }

  @Test
  void aReceiptNotMadeByConvenerIsRefused() {
    Receipt forged = new Receipt() {
      @Override
      public TenantId tenant() {
        return ACME;
      }

      @Override
      public String subject() {
        return "cm";
      }

      @Override
      public List<Long> entries() {
        return List.of(0L);
      }
    };
    assertThatThrownBy(() -> convener.replays().replay(MANAGER, forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not made by");
  }

  /** The last replay entry of ACME's log. */
  private ProvenanceEntry lastEntry() {
    List<ProvenanceEntry> replays = replaysIn(AUDITOR);
    return replays.get(replays.size() - 1);
  }

  private List<ProvenanceEntry> replaysIn(Principal auditor) {
    return convener.provenance().query(auditor, ProvenanceQuery.builder().limit(1000).build()).entries().stream()
        .filter(e -> e.replayOf().isPresent())
        .toList();
  }
}
