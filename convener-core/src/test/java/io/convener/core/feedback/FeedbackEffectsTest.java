package io.convener.core.feedback;

import static io.convener.core.feedback.FeedbackFixture.ACME;
import static io.convener.core.feedback.FeedbackFixture.BO;
import static io.convener.core.feedback.FeedbackFixture.DEE;
import static io.convener.core.feedback.FeedbackFixture.GLOBEX;
import static io.convener.core.feedback.FeedbackFixture.OUTCOME;
import static io.convener.core.feedback.FeedbackFixture.SCENARIO;
import static io.convener.core.feedback.FeedbackFixture.admin;
import static io.convener.core.feedback.FeedbackFixture.lead;
import static io.convener.core.feedback.FeedbackFixture.member;
import static io.convener.core.feedback.FeedbackFixture.otherAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.RankedMember;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.Verdict;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a dispute does to later results, and what a review undoes: a disputed champion is held out
 * of the ranking until an admin rejects the dispute (and stays out when it is accepted); a disputed
 * credit and a disputed risk flag carry the dispute's id while it holds. Tenant GLOBEX has the same
 * member ids as ACME, and its disputes of the very same targets never change ACME's results.
 */
class FeedbackEffectsTest {
  private static final FeedbackFixture FIXTURE = new FeedbackFixture(true);

  @AfterAll
  static void close() {
    FIXTURE.close();
  }

  private static List<MemberId> ranked(TenantId tenant) {
    ChampionQuery q = ChampionQuery.builder().asOf(PlantedPulseScenario.AS_OF).limit(10).build();
    return FIXTURE.convener.champions().rank(admin(tenant), q).champions().stream()
        .map(RankedMember::member).map(d -> d.value()).toList();
  }

  @Test
  void aDisputedChampionIsHeldOutUntilAnAdminRejectsTheDispute() {
    List<MemberId> before = ranked(ACME);
    MemberId top = before.get(0);
    FIXTURE.convener.feedback().give(admin(GLOBEX), FeedbackTarget.champion(top), Verdict.DISPUTE, "not here");
    assertThat(ranked(ACME)).as("globex's dispute leaves acme alone").isEqualTo(before);

    Feedback dispute = FIXTURE.convener.feedback().give(member(ACME, top), FeedbackTarget.champion(top),
        Verdict.DISPUTE, "I only answered questions for a week");
    assertThat(ranked(ACME)).doesNotContain(top).containsAll(before.subList(1, before.size()));

    FIXTURE.convener.feedback().review(otherAdmin(ACME), dispute.id(), false);
    assertThat(ranked(ACME)).as("a rejected dispute puts the champion back").isEqualTo(before);

    Feedback again = FIXTURE.convener.feedback().give(admin(ACME), FeedbackTarget.champion(top), Verdict.DISPUTE,
        "a bot account");
    FIXTURE.convener.feedback().review(otherAdmin(ACME), again.id(), true);
    assertThat(ranked(ACME)).as("an accepted dispute keeps them out").doesNotContain(top);

    List<MemberId> now = ranked(ACME);
    FIXTURE.convener.feedback().give(member(ACME, now.get(0)), FeedbackTarget.champion(now.get(0)),
        Verdict.AGREE, "");
    assertThat(ranked(ACME)).as("an agreement changes nothing").isEqualTo(now);
  }

  @Test
  void aDisputedCreditCarriesTheDisputeWhileItHolds() {
    FIXTURE.convener.feedback().give(member(GLOBEX, BO), FeedbackTarget.attribution(OUTCOME, BO),
        Verdict.DISPUTE, "in the other tenant");
    assertThat(credit(FIXTURE.convener.learning().attribute(admin(ACME), OUTCOME), BO).disputed())
        .as("globex's dispute leaves acme alone").isFalse();
    assertThat(credit(FIXTURE.convener.learning().attribute(admin(GLOBEX), OUTCOME), BO).disputed()).isTrue();

    Feedback dispute = FIXTURE.convener.feedback().give(member(ACME, BO), FeedbackTarget.attribution(OUTCOME, BO),
        Verdict.DISPUTE, "dee wrote the part that mattered");
    Attribution acme = FIXTURE.convener.learning().attribute(admin(ACME), OUTCOME);
    assertThat(credit(acme, BO).disputes()).containsExactly(dispute.id());
    assertThat(credit(acme, BO).disputed()).isTrue();
    assertThat(credit(acme, DEE).disputed()).isFalse();

    FIXTURE.convener.feedback().review(admin(ACME), dispute.id(), false);
    assertThat(credit(FIXTURE.convener.learning().attribute(admin(ACME), OUTCOME), BO).disputed()).isFalse();
  }

  @Test
  void aDisputedRiskFlagCarriesTheDisputeWhileItHolds() {
    MemberId silent = SCENARIO.consentingSilentMember();
    FIXTURE.convener.feedback().give(member(GLOBEX, silent), FeedbackTarget.memberRisk(RiskKind.SILENT_MEMBER,
        silent), Verdict.DISPUTE, "in the other tenant");
    assertThat(pulse(ACME, PlantedPulseScenario.QUIET).risks(RiskKind.SILENT_MEMBER))
        .as("globex's dispute leaves acme alone").noneMatch(RiskFlag::disputed);
    Feedback mine = FIXTURE.convener.feedback().give(member(ACME, silent),
        FeedbackTarget.memberRisk(RiskKind.SILENT_MEMBER, silent), Verdict.DISPUTE, "on parental leave");
    RiskFlag named = pulse(ACME, PlantedPulseScenario.QUIET).risks(RiskKind.SILENT_MEMBER).stream()
        .filter(f -> f.member().isPresent()).findFirst().orElseThrow();
    assertThat(named.disputes()).containsExactly(mine.id());
    assertThat(named.member()).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(silent));

    MemberId declining = SCENARIO.members().stream()
        .filter(m -> m.teams().contains(PlantedPulseScenario.DECLINING)).findFirst().orElseThrow().id();
    Feedback team = FIXTURE.convener.feedback().give(lead(ACME, declining),
        FeedbackTarget.teamRisk(RiskKind.ENGAGEMENT_DROP, PlantedPulseScenario.DECLINING), Verdict.DISPUTE,
        "the release freeze was planned");
    PulseReport report = pulse(ACME, PlantedPulseScenario.DECLINING);
    assertThat(report.risks(RiskKind.ENGAGEMENT_DROP)).singleElement()
        .satisfies(f -> assertThat(f.disputes()).containsExactly(team.id()));

    FIXTURE.convener.feedback().give(lead(GLOBEX, declining),
        FeedbackTarget.teamRisk(RiskKind.ENGAGEMENT_DROP, PlantedPulseScenario.DECLINING), Verdict.DISPUTE, "x");
    FIXTURE.convener.feedback().review(admin(ACME), team.id(), false);
    assertThat(pulse(ACME, PlantedPulseScenario.DECLINING).risks(RiskKind.ENGAGEMENT_DROP))
        .noneMatch(RiskFlag::disputed);
  }

  private static PulseReport pulse(TenantId tenant, TeamId team) {
    return FIXTURE.convener.pulse().report(admin(tenant), PulseRequest.of(PulseScope.team(team),
        PlantedPulseScenario.AS_OF));
  }

  private static Contribution credit(Attribution a, MemberId m) {
    return a.contributors().stream().filter(c -> c.member().value().equals(m)).findFirst().orElseThrow();
  }
}
