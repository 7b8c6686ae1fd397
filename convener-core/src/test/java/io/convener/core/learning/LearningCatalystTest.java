package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.learning.Contribution;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A small hand-made lineage: bo's caching lesson, applied by ana in team t1, produced outcome o1,
 * which refers to the application; dee's sql lesson, applied by ana too, produced o2, which refers
 * to nothing. Consent, failures, tenancy, provenance and notifications around it.
 */
class LearningCatalystTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId CY = MemberId.of("cy");
  private static final MemberId DEE = MemberId.of("dee");

  private Injector injector;
  private Convener convener;

  @BeforeEach
  void open() {
    injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:learning-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel());
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  @AfterEach
  void close() {
    convener.close();
  }

  private static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin", Role.ADMIN);
  }

  private static Event event(String id, double day, EventKind kind, MemberId actor, String team, List<String> refs,
      String... tags) {
    Event.Builder b = Event.builder(EventId.of(id), T0.plus(Duration.ofMinutes((long) (day * 24 * 60))), kind, actor)
        .team(TeamId.of(team)).refs(refs.stream().map(EventId::of).toList()).tags(tags);
    if (kind == EventKind.OUTCOME) {
      b.attrs(Attrs.of(Map.of("value", 10)));
    }
    return b.build();
  }

  private void load(TenantId tenant, MemberId... consenting) {
    List<Member> members = List.of(
        Member.builder(ANA).teams(TeamId.of("t1")).build(),
        Member.builder(BO).teams(TeamId.of("t2")).build(),
        Member.builder(CY).teams(TeamId.of("t1")).build(),
        Member.builder(DEE).teams(TeamId.of("t3")).build());
    List<Event> events = List.of(
        event("l1", 0, EventKind.LEARNING, BO, "t2", List.of(), "caching"),
        event("l2", 1, EventKind.LEARNING, DEE, "t3", List.of(), "caching", "sql"),
        event("a1", 3, EventKind.APPLIED, ANA, "t1", List.of("l1"), "caching"),
        event("a2", 4, EventKind.APPLIED, ANA, "t1", List.of("l2"), "caching", "sql"),
        event("o1", 6, EventKind.OUTCOME, CY, "t1", List.of("a1"), "caching"),
        event("o2", 8, EventKind.OUTCOME, CY, "t1", List.of(), "sql"),
        event("msg", 9, EventKind.MESSAGE, CY, "t1", List.of()));
    convener.ingest().submit(admin(tenant), members, events);
    for (MemberId m : consenting) {
      convener.consent().grant(admin(tenant), m, Purpose.LEARNING_ATTRIBUTION, "notice-1");
    }
  }

  private Attribution attribute(TenantId tenant, String outcome) {
    return convener.learning().attribute(admin(tenant), EventId.of(outcome));
  }

  private static List<MemberId> named(Attribution a) {
    return a.contributors().stream().map(c -> c.member().value()).toList();
  }

  private static double total(Attribution a) {
    return a.contributors().stream().mapToDouble(Contribution::share).sum() + a.withheldShare();
  }

  @Test
  void explicitReferencesComeFirstAndEvidenceFillsInMissingOnes() {
    load(ACME, BO, DEE);
    Attribution o1 = attribute(ACME, "o1");
    assertThat(named(o1).get(0)).isEqualTo(BO);
    assertThat(o1.contributors().get(0).share()).isGreaterThan(0.5);
    assertThat(o1.contributors().get(0).evidence().get(0).rule()).isEqualTo(EvidenceRule.EXPLICIT_REF);
    assertThat(o1.contributors().get(0).evidence().get(0).event()).isEqualTo(EventId.of("a1"));
    assertThat(total(o1)).isCloseTo(1.0, within(1e-9));

    Attribution o2 = attribute(ACME, "o2");
    assertThat(named(o2).get(0)).as("o2 refers to nothing; dee's sql lesson, applied by the team, fits").isEqualTo(DEE);
    assertThat(o2.contributors().get(0).evidence()).extracting(e -> e.rule())
        .contains(EvidenceRule.APPLIED_REF, EvidenceRule.APPLIER_TEAM, EvidenceRule.MATCHING_TAGS)
        .doesNotContain(EvidenceRule.EXPLICIT_REF);
    assertThat(total(o2)).isCloseTo(1.0, within(1e-9));
    assertThat(o2.model()).isEqualTo(AttributionModel.defaultModel());
  }

  @Test
  void everyModelAttributesEveryOutcomeWithSharesSummingToOne() {
    load(ACME, BO, DEE);
    for (AttributionModel m : AttributionModel.all()) {
      List<Attribution> all = convener.learning().attribute(admin(ACME), AttributionRequest.all().withModel(m));
      assertThat(all).extracting(Attribution::outcome).containsExactly(EventId.of("o1"), EventId.of("o2"));
      assertThat(all).allSatisfy(a -> assertThat(total(a)).as(m.wireName()).isCloseTo(1.0, within(1e-9)));
      assertThat(all).allSatisfy(a -> assertThat(a.model()).isEqualTo(m));
    }
  }

  @Test
  void aContributorWithoutConsentIsWithheldAndTheirShareIsNotHandedToOthers() {
    load(ACME, BO, DEE);
    Attribution everybody = attribute(ACME, "o1");
    convener.consent().revoke(admin(ACME), DEE, Purpose.LEARNING_ATTRIBUTION);
    Attribution withoutDee = attribute(ACME, "o1");

    assertThat(named(everybody)).contains(DEE);
    assertThat(named(withoutDee)).doesNotContain(DEE).contains(BO);
    assertThat(withoutDee.withheld()).isEqualTo(1);
    double deeShare = everybody.contributors().stream().filter(c -> c.member().value().equals(DEE))
        .findFirst().orElseThrow().share();
    assertThat(withoutDee.withheldShare()).isCloseTo(deeShare, within(1e-12));
    assertThat(withoutDee.contributors().get(0).share()).isCloseTo(everybody.contributors().get(0).share(), within(1e-12));
    // Receipt ids are random UUIDs, whose hex digits may spell "dee" by chance.
    String shown = withoutDee.toString().replaceAll("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}", "<receipt>");
    assertThat(shown).doesNotContain("dee");
    assertThat(withoutDee.contributors()).allSatisfy(c -> assertThat(c.evidence())
        .noneMatch(e -> e.event().value().equals("l2")));
  }

  @Test
  void nobodyIsNamedWithoutConsent() {
    load(ACME);
    Attribution a = attribute(ACME, "o1");
    assertThat(a.contributors()).isEmpty();
    assertThat(a.withheld()).isPositive();
    assertThat(a.withheldShare()).isCloseTo(1.0, within(1e-9));
    assertThat(a.attributed()).isTrue();
  }

  @Test
  void unknownOutcomesAndOtherEventsAreClearErrors() {
    load(ACME, BO);
    assertThatThrownBy(() -> attribute(ACME, "nope"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outcome: no event 'nope' in the tenant");
    assertThatThrownBy(() -> attribute(ACME, "msg"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outcome: event 'msg' is a 'message' event, not an outcome");
  }

  @Test
  void onlyAdminsAndCommunityManagersMayAttribute() {
    load(ACME, BO);
    assertThatThrownBy(() -> convener.learning().attribute(Principal.of(ACME, "ana", Role.MEMBER), EventId.of("o1")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(convener.learning().attribute(Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER), EventId.of("o1"))
        .attributed()).isTrue();
  }

  @Test
  void tenantsSeeOnlyTheirOwnLineage() {
    load(ACME, BO, DEE);
    // The same ids in globex, where o1's application refers to dee's lesson instead.
    convener.ingest().submit(admin(GLOBEX),
        List.of(Member.builder(ANA).teams(TeamId.of("t1")).build(), Member.builder(DEE).teams(TeamId.of("t3")).build()),
        List.of(event("l1", 0, EventKind.LEARNING, DEE, "t3", List.of(), "caching"),
            event("a1", 3, EventKind.APPLIED, ANA, "t1", List.of("l1"), "caching"),
            event("o1", 6, EventKind.OUTCOME, ANA, "t1", List.of("a1"), "caching")));
    convener.consent().grant(admin(GLOBEX), DEE, Purpose.LEARNING_ATTRIBUTION, "notice-1");

    assertThat(named(attribute(GLOBEX, "o1"))).containsExactly(DEE);
    assertThat(named(attribute(ACME, "o1")).get(0)).isEqualTo(BO);
    assertThatThrownBy(() -> attribute(GLOBEX, "o2")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void eachCallLeavesOneProvenanceEntryWhoseIdTheAttributionsCarry() {
    load(ACME, BO, DEE);
    List<Attribution> all = convener.learning().attribute(admin(ACME), AttributionRequest.all());
    List<ProvenanceEntry> entries = convener.provenance().query(Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER),
        ProvenanceQuery.builder().activity(DefaultLearningCatalyst.ATTRIBUTE).build()).entries();
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(all).allSatisfy(a -> assertThat(a.provenanceId()).isEqualTo(e.sequence()));
      assertThat(e.generated()).containsExactly("attribution:o1", "attribution:o2");
    });
  }

  @Test
  void creditedPeopleWhoConsentAreToldOnceEach() {
    load(ACME, BO);
    Attribution first = attribute(ACME, "o1");
    attribute(ACME, "o1");
    InMemoryNotificationChannel channel = NotifyTesting.delivered(injector, ACME);

    List<Notification> bo = channel.inbox(ACME, BO);
    assertThat(bo).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(AttributionNotifier.KIND);
      assertThat(n.payload()).containsEntry("outcome", "o1").containsEntry("model", "shapley")
          .containsEntry("provenanceId", Long.toString(first.provenanceId()));
    });
    assertThat(channel.inbox(ACME, DEE)).as("dee did not consent").isEmpty();
    assertThat(channel.all(ACME)).extracting(Notification::recipient).containsOnly(BO);
  }
}
