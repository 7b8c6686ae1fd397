package io.convener.core.approval;

import static io.convener.core.approval.ApprovalFixture.ACME;
import static io.convener.core.approval.ApprovalFixture.GLOBEX;
import static io.convener.core.approval.ApprovalFixture.admin;
import static io.convener.core.approval.ApprovalFixture.manager;
import static io.convener.core.approval.ApprovalFixture.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalPolicy;
import io.convener.api.approval.ApprovalPolicy.Rule;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote.Capacity;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.Notification;
import io.convener.core.notify.NotifyTesting;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The approval workflow end to end, through the facade, the gate and an H2 store. */
class DefaultApprovalServiceTest {
  private static final MemberId ALICE = MemberId.of("alice");
  /** Subject alone (the default) for profile sharing; subject and 2 admins for pulse.individual. */
  private static final ApprovalPolicy POLICY = ApprovalPolicy.defaults()
      .with(Purpose.PULSE_INDIVIDUAL, Rule.subjectAndAdmins(2))
      .with(Purpose.LEARNING_ATTRIBUTION, new Rule(false, 1, Duration.ofHours(1)));

  private final ApprovalFixture f = new ApprovalFixture(POLICY);

  @AfterEach
  void close() {
    f.close();
  }

  private Approval request(Purpose purpose) {
    return f.approvals().request(manager(ACME), ALICE, purpose, "named in the team's pulse report");
  }

  @Test
  void subjectAloneApproves() {
    Approval a = request(Purpose.PROFILE_SHARE);
    assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(a.subjectMustApprove()).isTrue();
    assertThat(a.adminsRequired()).isZero();
    assertThat(a.expires()).isEqualTo(a.created().plus(Duration.ofDays(7)));

    Approval done = f.approvals().decide(member(ACME, "alice"), a.id(), true, "ok");
    assertThat(done.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(done.votes()).singleElement().satisfies(v -> {
      assertThat(v.capacity()).isEqualTo(Capacity.SUBJECT);
      assertThat(v.approver()).isEqualTo("alice");
    });
    assertThat(f.approvals().find(admin(ACME, "root"), a.id())).contains(done);
  }

  @Test
  void subjectAndTwoOfManyAdmins() {
    Approval a = request(Purpose.PULSE_INDIVIDUAL);
    assertThat(f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "").status())
        .isEqualTo(ApprovalStatus.PENDING);
    assertThat(f.approvals().decide(member(ACME, "alice"), a.id(), true, "").status())
        .isEqualTo(ApprovalStatus.PENDING);
    Approval done = f.approvals().decide(admin(ACME, "admin-2"), a.id(), true, "");
    assertThat(done.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(done.votes()).extracting(v -> v.capacity())
        .containsExactly(Capacity.ADMIN, Capacity.SUBJECT, Capacity.ADMIN);
    // Final: a third admin cannot vote any more.
    assertThatThrownBy(() -> f.approvals().decide(admin(ACME, "admin-3"), a.id(), true, ""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already approved");
  }

  @Test
  void adminsWithoutTheSubjectWhenTheRuleSaysSo() {
    Approval a = request(Purpose.LEARNING_ATTRIBUTION);
    assertThat(f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "").status())
        .isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void anyDenyWins() {
    Approval a = request(Purpose.PULSE_INDIVIDUAL);
    f.approvals().decide(member(ACME, "alice"), a.id(), true, "");
    f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "");
    assertThat(f.approvals().decide(admin(ACME, "admin-2"), a.id(), false, "not needed").status())
        .isEqualTo(ApprovalStatus.DENIED);

    Approval b = request(Purpose.PROFILE_SHARE);
    assertThat(f.approvals().decide(member(ACME, "alice"), b.id(), false, "no").status())
        .isEqualTo(ApprovalStatus.DENIED);
  }

  @Test
  void theRequesterMayNotApproveAsAnAdmin() {
    Principal requester = admin(ACME, "admin-1");
    Approval a = f.approvals().request(requester, ALICE, Purpose.PULSE_INDIVIDUAL, "scope");
    assertThatThrownBy(() -> f.approvals().decide(requester, a.id(), true, ""))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("separation of duties");
    assertThat(f.approvals().find(requester, a.id()).orElseThrow().votes()).isEmpty();
  }

  @Test
  void anAdminCountsOnce() {
    Approval a = request(Purpose.PULSE_INDIVIDUAL);
    f.approvals().decide(member(ACME, "alice"), a.id(), true, "");
    f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "");
    assertThatThrownBy(() -> f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "again"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already decided");
    assertThat(f.approvals().find(admin(ACME, "root"), a.id()).orElseThrow().status())
        .isEqualTo(ApprovalStatus.PENDING);
    assertThat(Tally.of(a.withVote(new io.convener.api.approval.ApprovalVote(
        "admin-1", Capacity.ADMIN, true, "", a.created()), ApprovalStatus.PENDING)
        .withVote(new io.convener.api.approval.ApprovalVote("alice", Capacity.SUBJECT, true, "", a.created()),
            ApprovalStatus.PENDING)
        .withVote(new io.convener.api.approval.ApprovalVote("admin-1", Capacity.ADMIN, true, "", a.created()),
            ApprovalStatus.PENDING)))
        .as("the same admin twice is one admin").isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void expiresLazilyAndRefusesLateDecisions() {
    Approval a = request(Purpose.PROFILE_SHARE);
    Approval b = request(Purpose.LEARNING_ATTRIBUTION);
    f.clock.advance(Duration.ofHours(1));
    assertThat(f.approvals().find(admin(ACME, "root"), b.id()).orElseThrow().status())
        .as("expired exactly at its expiry").isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(f.approvals().find(admin(ACME, "root"), a.id()).orElseThrow().status())
        .isEqualTo(ApprovalStatus.PENDING);

    f.clock.advance(Duration.ofDays(7));
    assertThatThrownBy(() -> f.approvals().decide(member(ACME, "alice"), a.id(), true, ""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
    assertThat(f.approvals().list(admin(ACME, "root"), Optional.of(ApprovalStatus.EXPIRED)))
        .extracting(Approval::id).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(f.approvals().list(admin(ACME, "root"), Optional.of(ApprovalStatus.PENDING))).isEmpty();
  }

  @Test
  void aRequestForSomebodyWhoIsNoMemberIsNotFoundAndLogged() {
    assertThatThrownBy(() -> f.approvals().request(manager(ACME), MemberId.of("ghost"), Purpose.PROFILE_SHARE, "s"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.field()).contains("subject");
          assertThat(e.code()).isEqualTo("not_found");
          assertThat(e).isInstanceOf(InvalidInputException.class);
        });
    // alice is a member of ACME only.
    assertThatThrownBy(() -> f.approvals().request(manager(GLOBEX), ALICE, Purpose.PROFILE_SHARE, "s"))
        .isInstanceOf(NotFoundException.class);

    assertThat(f.approvals().list(admin(ACME, "root"), Optional.empty())).isEmpty();
    assertThat(f.approvals().list(admin(GLOBEX, "root"), Optional.empty())).isEmpty();
    assertThat(f.entries(ACME, DefaultApprovalService.REQUEST)).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo(Outcome.failed("not_found", "NotFoundException"));
      assertThat(e.used()).containsExactly("member:ghost");
      assertThat(e.generated()).isEmpty();
    });
    assertThat(f.entries(GLOBEX, DefaultApprovalService.REQUEST)).singleElement()
        .satisfies(e -> assertThat(e.outcome().status()).isEqualTo(Outcome.Status.FAILED));
    assertThat(f.channel().all(ACME)).isEmpty();
  }

  @Test
  void rolesAreChecked() {
    assertThatThrownBy(() -> f.approvals().request(member(ACME, "bob"), ALICE, Purpose.PROFILE_SHARE, "s"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.approvals().request(
            Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER), ALICE, Purpose.PROFILE_SHARE, "s"))
        .isInstanceOf(AccessDeniedException.class);
    Approval a = request(Purpose.PROFILE_SHARE);
    assertThatThrownBy(() -> f.approvals().decide(member(ACME, "bob"), a.id(), true, ""))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.approvals().decide(manager(ACME), a.id(), true, ""))
        .isInstanceOf(AccessDeniedException.class);

    List<ProvenanceEntry> requests = f.entries(ACME, DefaultApprovalService.REQUEST);
    assertThat(requests).extracting(e -> e.outcome().status())
        .containsExactly(Outcome.Status.DENIED, Outcome.Status.DENIED, Outcome.Status.OK);
    assertThat(requests.get(2).generated()).containsExactly("approval:" + a.id());
    assertThat(requests.get(2).used()).containsExactly("member:alice");
    assertThat(f.entries(ACME, DefaultApprovalService.DECIDE)).extracting(e -> e.outcome().status())
        .containsExactly(Outcome.Status.DENIED, Outcome.Status.DENIED);
  }

  @Test
  void eachTransitionIsOneProvenanceEntry() {
    Approval a = request(Purpose.PULSE_INDIVIDUAL);
    f.approvals().decide(member(ACME, "alice"), a.id(), true, "");
    f.approvals().decide(admin(ACME, "admin-1"), a.id(), true, "");
    f.approvals().decide(admin(ACME, "admin-2"), a.id(), true, "");
    List<ProvenanceEntry> decides = f.entries(ACME, DefaultApprovalService.DECIDE);
    assertThat(decides).hasSize(3).allSatisfy(e -> {
      assertThat(e.outcome().isOk()).isTrue();
      assertThat(e.generated()).containsExactly("approval:" + a.id());
      assertThat(e.used()).containsExactly("approval:" + a.id(), "member:alice");
    });
    assertThat(decides).extracting(e -> e.agent().id()).containsExactly("alice", "admin-1", "admin-2");
  }

  @Test
  void anotherTenantCannotSeeOrDecide() {
    Approval a = request(Purpose.PROFILE_SHARE);
    Principal outsider = admin(GLOBEX, "root");
    assertThat(f.approvals().find(outsider, a.id())).isEmpty();
    assertThat(f.approvals().list(outsider, Optional.empty())).isEmpty();
    assertThatThrownBy(() -> f.approvals().decide(member(GLOBEX, "alice"), a.id(), true, ""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no approval");
    assertThat(f.approvals().find(admin(ACME, "root"), a.id()).orElseThrow().status())
        .isEqualTo(ApprovalStatus.PENDING);

    // Each refused call left its entry in the caller's own log, none in acme's.
    assertThat(f.entries(GLOBEX, DefaultApprovalService.FIND)).singleElement()
        .satisfies(e -> assertThat(e.outcome().isOk()).isTrue());
    assertThat(f.entries(GLOBEX, DefaultApprovalService.LIST)).hasSize(1);
    assertThat(f.entries(GLOBEX, DefaultApprovalService.DECIDE)).singleElement()
        .satisfies(e -> assertThat(e.outcome().status()).isEqualTo(Outcome.Status.FAILED));
    assertThat(f.entries(ACME, DefaultApprovalService.DECIDE)).isEmpty();
  }

  @Test
  void membersSeeOnlyTheirOwn() {
    Approval a = request(Purpose.PROFILE_SHARE);
    Approval b = f.approvals().request(manager(ACME), MemberId.of("bob"), Purpose.PROFILE_SHARE, "scope");
    assertThat(f.approvals().list(member(ACME, "alice"), Optional.empty())).extracting(Approval::id)
        .containsExactly(a.id());
    assertThat(f.approvals().find(member(ACME, "alice"), b.id())).isEmpty();
    assertThat(f.approvals().list(manager(ACME), Optional.empty())).hasSize(2);
    assertThat(f.approvals().list(Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER), Optional.empty()))
        .hasSize(2);
  }

  @Test
  void theSubjectIsNotifiedWithoutPersonalData() {
    NotifyTesting.direct(f.convener, ACME, ALICE);
    Approval a = request(Purpose.PROFILE_SHARE);
    List<Notification> inbox = f.channel().inbox(ACME, ALICE);
    assertThat(inbox).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo("approval.requested");
      assertThat(n.payload()).containsEntry("approval", a.id().value()).containsEntry("purpose", "profile.share")
          .containsOnlyKeys("approval", "purpose", "sequence", "provenanceId");
      assertThat(n.tenant()).isEqualTo(ACME);
    });
  }

  @Test
  void aSubjectWhoDoesNotConsentToBeToldIsNotNotified() {
    request(Purpose.PROFILE_SHARE);
    assertThat(f.channel().all(ACME)).isEmpty();
  }
}
