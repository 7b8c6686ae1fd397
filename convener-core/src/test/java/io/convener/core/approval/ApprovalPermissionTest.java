package io.convener.core.approval;

import static io.convener.core.approval.ApprovalFixture.ACME;
import static io.convener.core.approval.ApprovalFixture.admin;
import static io.convener.core.approval.ApprovalFixture.manager;
import static io.convener.core.approval.ApprovalFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalPolicy;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.profile.Profile;
import io.convener.api.provenance.Agent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An approval means something: once approved, it lets exactly its requester read exactly its
 * subject's profile until it expires, and the lapse is logged with its own entry. With the default
 * consent policy a member can opt in to hearing of requests about them.
 */
class ApprovalPermissionTest {
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");

  private final ApprovalFixture f = new ApprovalFixture(ApprovalPolicy.defaults());

  ApprovalPermissionTest() {
    f.convener.ingest().submit(admin(ACME, "loader"),
        List.of(Member.builder(ANA).displayName("Ana Lima").build(), Member.builder(BO).displayName("Bo Chen").build()),
        List.of());
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Optional<Profile> profile(Principal reader, MemberId whose) {
    return f.convener.profiles().find(reader, whose);
  }

  @Test
  void anApprovedProfileShareLetsExactlyThatRequesterReadExactlyThatProfileUntilItExpires() {
    Principal requester = manager(ACME);
    Principal otherManager = Principal.of(ACME, "manager-2", Role.COMMUNITY_MANAGER);
    Approval a = f.approvals().request(requester, ANA, Purpose.PROFILE_SHARE, "intro to design guild");
    assertThat(profile(requester, ANA)).as("pending: nothing yet").isEmpty();

    f.approvals().decide(member(ACME, "ana"), a.id(), true, "fine");

    assertThat(profile(requester, ANA)).hasValueSatisfying(p -> {
      assertThat(p.displayName()).contains("Ana Lima");
      assertThat(p.member().record().value()).isEqualTo("approval:" + a.id().value());
    });
    assertThat(profile(otherManager, ANA)).as("another requester").isEmpty();
    assertThat(profile(member(ACME, "bo"), ANA)).as("another member").isEmpty();
    assertThat(profile(requester, BO)).as("another subject").isEmpty();

    f.clock.advance(ApprovalPolicy.DEFAULT_TIME_TO_LIVE.plus(Duration.ofSeconds(1)));

    assertThat(profile(requester, ANA)).as("after its expiry").isEmpty();
    assertThat(f.approvals().find(requester, a.id())).hasValueSatisfying(
        x -> assertThat(x.status()).isEqualTo(ApprovalStatus.LAPSED));
    assertThat(f.entries(ACME, ApprovalClockwork.LAPSE)).singleElement().satisfies(e -> {
      assertThat(e.agent()).isEqualTo(Agent.system(ApprovalClockwork.AGENT));
      assertThat(e.used()).containsExactly("approval:" + a.id().value(), "member:ana");
    });
  }

  @Test
  void aDeniedOrOtherPurposeApprovalGrantsNothing() {
    Principal requester = manager(ACME);
    Approval denied = f.approvals().request(requester, ANA, Purpose.PROFILE_SHARE, "mentoring");
    f.approvals().decide(member(ACME, "ana"), denied.id(), false, "no");
    Approval other = f.approvals().request(requester, BO, Purpose.PULSE_INDIVIDUAL, "check-in");
    f.approvals().decide(member(ACME, "bo"), other.id(), true, "ok");

    assertThat(profile(requester, ANA)).isEmpty();
    assertThat(profile(requester, BO)).as("approved for another purpose").isEmpty();
  }

  @Test
  void aPendingRequestThatRunsOutExpiresWithAnEntryOfItsOwn() {
    Approval a = f.approvals().request(manager(ACME), ANA, Purpose.PROFILE_SHARE, "mentoring");
    f.clock.advance(ApprovalPolicy.DEFAULT_TIME_TO_LIVE);

    assertThat(f.approvals().list(manager(ACME), Optional.empty())).singleElement()
        .satisfies(x -> assertThat(x.status()).isEqualTo(ApprovalStatus.EXPIRED));
    f.approvals().find(manager(ACME), a.id());
    assertThat(f.entries(ACME, ApprovalClockwork.EXPIRE)).as("one transition, one entry").hasSize(1);
  }

  @Test
  void withTheDefaultPolicyASubjectWhoOptsInHearsOfRequests() {
    f.convener.consent().grant(member(ACME, "ana"), ANA, NotificationDraft.DIRECT, "notice-1");
    Approval a = f.approvals().request(manager(ACME), ANA, Purpose.PROFILE_SHARE, "mentoring");

    assertThat(f.channel().inbox(ACME, ANA)).singleElement()
        .satisfies(n -> assertThat(n.payload()).containsEntry("approval", a.id().value()));
  }
}
