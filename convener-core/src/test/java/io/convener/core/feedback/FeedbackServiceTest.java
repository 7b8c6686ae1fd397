package io.convener.core.feedback;

import static io.convener.core.feedback.FeedbackFixture.ACME;
import static io.convener.core.feedback.FeedbackFixture.ANA;
import static io.convener.core.feedback.FeedbackFixture.BO;
import static io.convener.core.feedback.FeedbackFixture.DEE;
import static io.convener.core.feedback.FeedbackFixture.GLOBEX;
import static io.convener.core.feedback.FeedbackFixture.OUTCOME;
import static io.convener.core.feedback.FeedbackFixture.admin;
import static io.convener.core.feedback.FeedbackFixture.lead;
import static io.convener.core.feedback.FeedbackFixture.manager;
import static io.convener.core.feedback.FeedbackFixture.member;
import static io.convener.core.feedback.FeedbackFixture.otherAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackService;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.TeamFeedback;
import io.convener.api.feedback.Verdict;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.pulse.RiskKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may give feedback on what, how bad input and bad reviews are refused (each refusal with its
 * provenance entry), who sees which feedback, the counts per team, and the reason kept as
 * ciphertext only and shredded with its author's key.
 */
class FeedbackServiceTest {
  private final FeedbackFixture fixture = new FeedbackFixture(false);
  private final FeedbackService feedback = fixture.convener.feedback();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void membersLeadsAndManagersMayGiveFeedbackOnlyWithinTheirReach() {
    assertThat(feedback.give(member(ACME, BO), FeedbackTarget.champion(BO), Verdict.AGREE, "").status())
        .isEqualTo(FeedbackStatus.NOTED);
    assertThatThrownBy(() -> feedback.give(member(ACME, BO), FeedbackTarget.champion(ANA), Verdict.DISPUTE, "no"))
        .isInstanceOf(AccessDeniedException.class);
    // ana leads team t1, which bo is not in; a lead of nothing is refused too.
    assertThatThrownBy(() -> feedback.give(lead(ACME, ANA), FeedbackTarget.champion(BO), Verdict.DISPUTE, "no"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> feedback.give(Principal.of(ACME, "nobody", Role.TEAM_LEAD),
        FeedbackTarget.teamRisk(RiskKind.LOW_INCLUSION, TeamId.of("t1")), Verdict.DISPUTE, "no"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(feedback.give(lead(ACME, ANA), FeedbackTarget.teamRisk(RiskKind.LOW_INCLUSION, TeamId.of("t1")),
        Verdict.DISPUTE, "we pair all day").status()).isEqualTo(FeedbackStatus.OPEN);
    assertThat(feedback.give(manager(ACME), FeedbackTarget.attribution(OUTCOME, DEE), Verdict.DISPUTE, "wrong")
        .author()).isEqualTo("cm-1");
    assertThatThrownBy(() -> feedback.give(Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER),
        FeedbackTarget.champion(BO), Verdict.AGREE, "")).isInstanceOf(AccessDeniedException.class);

    List<ProvenanceEntry> entries = fixture.entries(ACME, DefaultFeedbackService.GIVE);
    assertThat(entries).hasSize(7);
    assertThat(entries).filteredOn(e -> e.outcome().status() == Outcome.Status.DENIED).hasSize(4);
    assertThat(entries).filteredOn(e -> e.outcome().status() == Outcome.Status.OK)
        .allSatisfy(e -> assertThat(e.generated()).singleElement().asString().startsWith("feedback:fb-"));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.champion(BO), Verdict.DISPUTE, "  "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.champion(BO), Verdict.DISPUTE,
        "x".repeat(Feedback.MAX_REASON + 1))).isInstanceOf(InvalidInputException.class).hasMessageContaining("500");
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.champion(BO), Verdict.DISPUTE, "a\nb"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.champion(MemberId.of("ghost")),
        Verdict.AGREE, "")).isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.attribution(EventId.of("a1"), BO),
        Verdict.AGREE, "")).as("an applied event is no outcome").isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> feedback.give(admin(ACME), FeedbackTarget.teamRisk(RiskKind.UNANSWERED,
        TeamId.of("no-such-team")), Verdict.AGREE, "")).isInstanceOf(NotFoundException.class);
    assertThat(feedback.list(admin(ACME), Optional.empty())).isEmpty();
  }

  @Test
  void onlyAnotherAdminReviewsAnOpenDisputeOnce() {
    Feedback dispute = feedback.give(admin(ACME), FeedbackTarget.champion(BO), Verdict.DISPUTE, "a bot");
    Feedback agreement = feedback.give(member(ACME, ANA), FeedbackTarget.champion(ANA), Verdict.AGREE, "");
    assertThatThrownBy(() -> feedback.review(admin(ACME), dispute.id(), true))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("own");
    assertThatThrownBy(() -> feedback.review(manager(ACME), dispute.id(), true))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> feedback.review(otherAdmin(GLOBEX), dispute.id(), true))
        .as("another tenant's admin finds nothing").isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> feedback.review(otherAdmin(ACME), agreement.id(), true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("noted");
    Feedback accepted = feedback.review(otherAdmin(ACME), dispute.id(), true);
    assertThat(accepted.status()).isEqualTo(FeedbackStatus.ACCEPTED);
    assertThat(accepted.reviewer()).contains("admin-2");
    assertThat(accepted.reason()).isEqualTo("a bot");
    assertThatThrownBy(() -> feedback.review(otherAdmin(ACME), dispute.id(), false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("accepted");
    assertThat(fixture.entries(ACME, DefaultFeedbackService.REVIEW)).hasSize(5);
  }

  @Test
  void membersSeeTheirOwnFeedbackAndManagersSeeCountsPerTeam() {
    feedback.give(member(ACME, BO), FeedbackTarget.champion(BO), Verdict.DISPUTE, "not me");
    feedback.give(member(ACME, ANA), FeedbackTarget.champion(ANA), Verdict.AGREE, "fair");
    Feedback lead = feedback.give(lead(ACME, ANA), FeedbackTarget.teamRisk(RiskKind.LOW_INCLUSION,
        TeamId.of("t1")), Verdict.DISPUTE, "we pair");
    feedback.review(admin(ACME), lead.id(), false);
    feedback.give(member(GLOBEX, DEE), FeedbackTarget.champion(DEE), Verdict.DISPUTE, "elsewhere");

    assertThat(feedback.list(member(ACME, BO), Optional.empty())).extracting(Feedback::reason)
        .containsExactly("not me");
    assertThat(feedback.list(manager(ACME), Optional.empty())).hasSize(3);
    assertThat(feedback.list(manager(ACME), Optional.of(FeedbackStatus.REJECTED))).extracting(Feedback::id)
        .containsExactly(lead.id());
    assertThat(feedback.rates(manager(ACME))).containsExactly(
        new TeamFeedback(TeamId.of("t1"), 1, 1, 0, 1),
        new TeamFeedback(TeamId.of("t2"), 0, 1, 1, 0));
    assertThat(feedback.rates(manager(ACME)).get(0).disputeRate()).isEqualTo(0.5);
    assertThat(feedback.rates(manager(GLOBEX))).containsExactly(new TeamFeedback(TeamId.of("t3"), 0, 1, 1, 0));
    assertThatThrownBy(() -> feedback.rates(member(ACME, BO))).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theReasonIsStoredAsCiphertextAndShreddedWithItsAuthor() throws SQLException {
    String reason = "I was on leave; marta did the migration";
    feedback.give(member(ACME, BO), FeedbackTarget.champion(BO), Verdict.DISPUTE, reason);
    List<String> stored = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(fixture.url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT reason FROM feedback")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(stored).singleElement().asString().startsWith("ev2:").doesNotContain("marta");
    assertThat(fixture.entries(ACME, DefaultFeedbackService.GIVE)).singleElement()
        .satisfies(e -> assertThat(e.toString()).doesNotContain("marta"));

    assertThat(fixture.convener.profiles().erase(admin(ACME), BO)).isTrue();
    assertThat(feedback.list(admin(ACME), Optional.empty())).singleElement()
        .satisfies(f -> assertThat(f.reason()).isEmpty());
  }
}
