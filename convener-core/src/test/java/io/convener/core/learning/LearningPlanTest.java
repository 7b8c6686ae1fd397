package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.PlanRequest;
import io.convener.api.learning.Recommendation;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Notification;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.notify.InMemoryNotificationChannel;
import io.convener.core.notify.NotifyTesting;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A small hand-made tenant: ana (team t1) works on sql and postgres and applied bo's l1; dee's l5
 * (sql, postgres) was applied by cy and bo and named by an outcome; eve's l6 (sql) by nobody; l2
 * (kafka) and l3 (caching) match nothing ana did; l4 (react) matches only work ana did 200 days
 * ago. Consent: ana, cy and eve consent to learning.attribution, bo and dee do not.
 */
class LearningPlanTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant AS_OF = T0.plus(Duration.ofDays(300));
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId CY = MemberId.of("cy");
  private static final MemberId DEE = MemberId.of("dee");
  private static final MemberId EVE = MemberId.of("eve");

  private Injector injector;
  private Convener convener;

  @BeforeEach
  void open() {
    injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:plan-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel());
    convener = injector.getInstance(Convener.class);
    convener.start();
    load();
  }

  @AfterEach
  void close() {
    convener.close();
  }

  private static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin", Role.ADMIN);
  }

  private static Event event(String id, int day, EventKind kind, MemberId actor, String team, List<String> refs,
      String... tags) {
    return Event.builder(EventId.of(id), T0.plus(Duration.ofDays(day)), kind, actor)
        .team(TeamId.of(team)).refs(refs.stream().map(EventId::of).toList()).tags(tags).build();
  }

  private void load() {
    List<Member> members = List.of(
        Member.builder(ANA).teams(TeamId.of("t1")).build(),
        Member.builder(BO).teams(TeamId.of("t2")).build(),
        Member.builder(CY).teams(TeamId.of("t1")).build(),
        Member.builder(DEE).teams(TeamId.of("t3")).build(),
        Member.builder(EVE).teams(TeamId.of("t2")).build());
    List<Event> events = List.of(
        event("l1", 0, EventKind.LEARNING, BO, "t2", List.of(), "sql", "caching"),
        event("l2", 1, EventKind.LEARNING, DEE, "t3", List.of(), "kafka"),
        event("l3", 2, EventKind.LEARNING, EVE, "t2", List.of(), "caching"),
        event("l4", 3, EventKind.LEARNING, BO, "t2", List.of(), "react"),
        event("l5", 4, EventKind.LEARNING, DEE, "t3", List.of(), "sql", "postgres"),
        event("l6", 5, EventKind.LEARNING, EVE, "t2", List.of(), "sql"),
        event("w-old", 100, EventKind.MESSAGE, ANA, "t1", List.of(), "react"),
        event("a1", 220, EventKind.APPLIED, ANA, "t1", List.of("l1"), "sql"),
        event("a2", 230, EventKind.APPLIED, CY, "t1", List.of("l5"), "sql"),
        event("a3", 231, EventKind.APPLIED, BO, "t2", List.of("l5"), "sql"),
        event("a4", 232, EventKind.APPLIED, EVE, "t2", List.of("l2"), "kafka"),
        event("o1", 240, EventKind.OUTCOME, CY, "t1", List.of("a2"), "sql"),
        event("w1", 250, EventKind.MESSAGE, ANA, "t1", List.of(), "sql", "postgres"),
        event("w2", 260, EventKind.MESSAGE, ANA, "t1", List.of(), "sql"),
        event("late", 301, EventKind.LEARNING, BO, "t2", List.of(), "sql", "postgres"));
    convener.ingest().submit(admin(ACME), members, events);
    for (MemberId m : List.of(ANA, CY, EVE)) {
      convener.consent().grant(admin(ACME), m, Purpose.LEARNING_ATTRIBUTION, "notice-1");
    }
  }

  private LearningPlan plan(PlanRequest request) {
    return convener.learning().plan(admin(ACME), request);
  }

  private static List<String> artifacts(LearningPlan p) {
    return p.recommendations().stream().map(r -> r.artifact().value()).toList();
  }

  @Test
  void aMemberGetsUnappliedArtifactsMatchingTheirRecentWorkRankedAndExplained() {
    LearningPlan p = plan(PlanRequest.forMember(ANA, AS_OF));

    assertThat(artifacts(p)).as("l1 applied by ana, l2-l4 off topic, 'late' after asOf").containsExactly("l5", "l6");
    Recommendation l5 = p.recommendations().get(0);
    assertThat(l5.matchedTags()).as("rarest first").containsExactly("postgres", "sql");
    assertThat(l5.plannedTags()).isEmpty();
    assertThat(l5.appliedBy()).isEqualTo(2);
    assertThat(l5.namedAppliers()).extracting(d -> d.value()).containsExactly(CY);
    assertThat(l5.withheldAppliers()).as("bo does not consent").isEqualTo(1);
    assertThat(l5.outcomes()).isEqualTo(1);
    assertThat(l5.reason()).isEqualTo(
        "matches recent work in postgres, sql; applied by 2 others (cy and 1 not named); named by 1 outcome");
    assertThat(l5.score()).isGreaterThan(p.recommendations().get(1).score());
    assertThat(p.member()).hasValueSatisfying(d -> assertThat(d.value()).isEqualTo(ANA));
    assertThat(p.workTags()).containsExactly("sql", "postgres");
    assertThat(p.notified()).isZero();
  }

  @Test
  void planTagsBringInArtifactsForPlannedWorkAndTheWindowBoundsRecentWork() {
    LearningPlan planned = plan(PlanRequest.forMember(ANA, AS_OF).withPlanTags(List.of("kafka")));
    assertThat(artifacts(planned)).contains("l2", "l5");
    Recommendation l2 = planned.recommendations().stream().filter(r -> r.artifact().value().equals("l2")).findFirst().get();
    assertThat(l2.plannedTags()).containsExactly("kafka");
    assertThat(l2.matchedTags()).isEmpty();

    assertThat(artifacts(plan(PlanRequest.forMember(ANA, AS_OF).withWindow(Duration.ofDays(250)))))
        .as("ana's react message of day 100 is inside a 250-day window").contains("l4");
    assertThat(artifacts(plan(PlanRequest.forMember(ANA, AS_OF).withLimit(1)))).containsExactly("l5");
  }

  @Test
  void aMemberWithoutConsentGetsNoPlanAndIsNeverNamedInAnothersPlan() {
    assertThatThrownBy(() -> plan(PlanRequest.forMember(BO, AS_OF)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("member 'bo' does not consent to learning.attribution: no learning plan is made for them");
    LearningPlan ana = plan(PlanRequest.forMember(ANA, AS_OF));
    assertThat(ana.disclosures()).extracting(d -> d.subject()).doesNotContain(BO, DEE);
    assertThat(ana.toString()).doesNotContainPattern("\\b(bo|dee)\\b");

    convener.consent().revoke(admin(ACME), CY, Purpose.LEARNING_ATTRIBUTION);
    Recommendation l5 = plan(PlanRequest.forMember(ANA, AS_OF)).recommendations().get(0);
    assertThat(l5.namedAppliers()).as("cy withdrew").isEmpty();
    assertThat(l5.appliedBy()).as("but still counts").isEqualTo(2);
  }

  @Test
  void aTeamPlanLeavesOutWhatAnyMemberAppliedAndNamesNoMember() {
    LearningPlan t1 = plan(PlanRequest.forTeam(TeamId.of("t1"), AS_OF));
    assertThat(t1.member()).isEmpty();
    assertThat(t1.team()).contains(TeamId.of("t1"));
    assertThat(artifacts(t1)).as("l1 applied by ana, l5 by cy").containsExactly("l6");
    assertThat(t1.disclosures()).isEmpty();
  }

  @Test
  void aTeamPlanCountsTheMembersOfItsOwnTimeWhenSomeoneMovedLater() {
    // cy (consenting) moves from t1 to t2 ten days after AS_OF, recorded with validFrom.
    convener.ingest().submit(admin(ACME), List.of(Member.builder(CY).teams(TeamId.of("t2"))
        .validFrom(AS_OF.plus(Duration.ofDays(10))).build()), List.of());
    Instant later = AS_OF.plus(Duration.ofDays(20));

    assertThat(plan(PlanRequest.forTeam(TeamId.of("t1"), AS_OF).notifying()).notified())
        .as("at AS_OF cy was still in t1: ana and cy").isEqualTo(2);
    assertThat(plan(PlanRequest.forTeam(TeamId.of("t1"), later).notifying()).notified())
        .as("after the move t1 is ana alone").isEqualTo(1);
  }

  @Test
  void unknownMembersAndTeamsAreNamedInTheError() {
    assertThatThrownBy(() -> plan(PlanRequest.forMember(MemberId.of("zed"), AS_OF)))
        .isInstanceOf(NotFoundException.class).hasMessage("member: tenant acme has no member 'zed'");
    assertThatThrownBy(() -> plan(PlanRequest.forTeam(TeamId.of("t9"), AS_OF)))
        .isInstanceOf(NotFoundException.class).hasMessage("team: tenant acme has no team 't9'");
  }

  @Test
  void tenantsSeeOnlyTheirOwnArtifactsAndMembers() {
    convener.ingest().submit(admin(GLOBEX), List.of(Member.builder(ANA).teams(TeamId.of("t1")).build(),
            Member.builder(MemberId.of("gus")).teams(TeamId.of("g1")).build()),
        List.of(event("g1", 10, EventKind.LEARNING, MemberId.of("gus"), "g1", List.of(), "sql", "postgres"),
            event("w1", 250, EventKind.MESSAGE, ANA, "t1", List.of(), "kafka")));
    convener.consent().grant(admin(GLOBEX), ANA, Purpose.LEARNING_ATTRIBUTION, "notice-1");

    assertThat(artifacts(plan(PlanRequest.forMember(ANA, AS_OF)))).containsExactly("l5", "l6");
    assertThat(convener.learning().plan(admin(GLOBEX), PlanRequest.forMember(ANA, AS_OF)).recommendations())
        .as("globex's ana works on kafka; globex has no kafka artifact").isEmpty();
    assertThatThrownBy(() -> convener.learning().plan(admin(GLOBEX), PlanRequest.forMember(CY, AS_OF)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyAdminsAndCommunityManagersMayAskAndEachCallIsInTheProvenanceLog() {
    assertThatThrownBy(() -> convener.learning().plan(Principal.of(ACME, "ana", Role.MEMBER),
        PlanRequest.forMember(ANA, AS_OF))).isInstanceOf(AccessDeniedException.class);
    LearningPlan p = convener.learning().plan(Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER),
        PlanRequest.forMember(ANA, AS_OF));
    List<ProvenanceEntry> entries = convener.provenance().query(Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER),
        ProvenanceQuery.builder().activity(LearningPlanner.PLAN).build()).entries();
    assertThat(entries).extracting(e -> e.outcome().status().name()).containsExactly("DENIED", "OK");
    assertThat(entries.get(1)).satisfies(e -> {
      assertThat(p.provenanceId()).isEqualTo(e.sequence());
      assertThat(e.used()).containsExactly("member:ana");
      assertThat(e.generated()).containsExactly("learning-plan:member:ana:l5", "learning-plan:member:ana:l6");
    });
  }

  @Test
  void aDeliveredPlanLandsInTheMembersInboxOnceAndATeamPlanReachesOnlyConsentingMembers() {
    LearningPlan p = plan(PlanRequest.forMember(ANA, AS_OF).notifying());
    plan(PlanRequest.forMember(ANA, AS_OF).notifying());
    assertThat(p.notified()).isEqualTo(1);
    InMemoryNotificationChannel channel = NotifyTesting.delivered(injector, ACME);
    assertThat(channel.inbox(ACME, ANA)).as("the same plan twice is one message").singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(PlanNotifier.KIND);
      assertThat(n.payload()).containsEntry("plan", "member:ana").containsEntry("artifacts", "l5,l6")
          .containsEntry("provenanceId", Long.toString(p.provenanceId()));
    });
    List<InboxMessage> inbox = convener.notifier().inbox(Principal.of(ACME, "ana", Role.MEMBER), 0, 10);
    assertThat(inbox).extracting(InboxMessage::kind).containsExactly(PlanNotifier.KIND);

    convener.consent().revoke(admin(ACME), CY, Purpose.LEARNING_ATTRIBUTION);
    LearningPlan t1 = plan(PlanRequest.forTeam(TeamId.of("t1"), AS_OF).notifying());
    assertThat(t1.notified()).as("ana consents, cy no longer").isEqualTo(1);
    NotifyTesting.delivered(injector, ACME);
    assertThat(channel.inbox(ACME, ANA)).extracting(n -> n.payload().get("plan"))
        .containsExactly("member:ana", "team:t1");
    assertThat(channel.inbox(ACME, CY)).isEmpty();
    assertThat(channel.all(ACME)).extracting(Notification::recipient).containsOnly(ANA);
  }

  @Test
  void withoutDeliverNothingIsSent() {
    plan(PlanRequest.forMember(ANA, AS_OF));
    assertThat(NotifyTesting.delivered(injector, ACME).all(ACME)).isEmpty();
  }
}
