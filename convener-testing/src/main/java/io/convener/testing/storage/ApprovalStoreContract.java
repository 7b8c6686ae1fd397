package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.approval.ApprovalVote.Capacity;
import io.convener.api.consent.Purpose;
import io.convener.spi.storage.ApprovalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApprovalStore}: every implementation passes it once per database it
 * supports. A subclass implements {@link #openApprovalStore()}; the contract starts the lifecycle
 * before each test and closes the fixture after it.
 *
 * <p>Covered: approvals round-trip every field with their votes in order; listing is newest first
 * and filters by status; an update is a compare-and-set on status and vote count and only appends
 * votes; ids are unique per tenant; and the same ids in two tenants never leak across.
 */
public abstract class ApprovalStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

  private @Nullable ApprovalStoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected ApprovalStoreContract() {}

  /** A fixture over a new, empty database; the contract starts and closes it. */
  protected abstract ApprovalStoreFixture openApprovalStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openApprovalStore();
    fixture.lifecycle().start();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private ApprovalStore store() {
    assertThat(fixture).isNotNull();
    return fixture.approvals();
  }

  static Approval approval(TenantId tenant, String id, String subject, Instant created) {
    return Approval.builder()
        .id(ApprovalId.of(id))
        .tenant(tenant)
        .subject(MemberId.of(subject))
        .purpose(Purpose.PROFILE_SHARE)
        .scope("display name for the mentoring programme, é ✓")
        .requester("manager-1")
        .rule(true, 2)
        .created(created)
        .expires(created.plus(Duration.ofDays(7)))
        .build();
  }

  static ApprovalVote vote(String approver, Capacity capacity, boolean approve, Instant at) {
    return new ApprovalVote(approver, capacity, approve, approve ? "fine by me" : "", at);
  }

  @Test
  void roundTripsEveryFieldWithVotesInOrder() {
    Approval a = approval(ACME, "a-1", "m-1", T0)
        .withVote(vote("m-1", Capacity.SUBJECT, true, T0.plusSeconds(1)), ApprovalStatus.PENDING)
        .withVote(vote("admin-1", Capacity.ADMIN, true, T0.plusSeconds(2)), ApprovalStatus.PENDING);
    store().insert(ACME, a);

    assertThat(store().find(ACME, a.id())).contains(a);
    assertThat(store().find(ACME, ApprovalId.of("missing"))).isEmpty();
  }

  @Test
  void updateIsACompareAndSetThatAppendsVotes() {
    Approval a = approval(ACME, "a-1", "m-1", T0);
    store().insert(ACME, a);
    Approval voted = a.withVote(vote("m-1", Capacity.SUBJECT, true, T0.plusSeconds(5)), ApprovalStatus.PENDING);
    Approval done = voted.withVote(vote("admin-1", Capacity.ADMIN, false, T0.plusSeconds(6)), ApprovalStatus.DENIED);

    assertThat(store().update(ACME, a, voted)).isTrue();
    assertThat(store().update(ACME, a, a.withStatus(ApprovalStatus.EXPIRED))).as("stale expectation").isFalse();
    assertThat(store().update(ACME, voted, done)).isTrue();
    assertThat(store().find(ACME, a.id())).contains(done);
    assertThat(store().update(ACME, approval(ACME, "missing", "m-1", T0),
        approval(ACME, "missing", "m-1", T0).withStatus(ApprovalStatus.EXPIRED))).isFalse();
  }

  @Test
  void updateRefusesToDropVotesOrChangeApprovals() {
    Approval a = approval(ACME, "a-1", "m-1", T0);
    Approval voted = a.withVote(vote("m-1", Capacity.SUBJECT, true, T0), ApprovalStatus.PENDING);
    store().insert(ACME, voted);

    assertThatThrownBy(() -> store().update(ACME, voted, a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().update(ACME, voted, approval(ACME, "a-2", "m-1", T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().update(GLOBEX, voted, voted)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().insert(GLOBEX, a)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsAreUniquePerTenant() {
    store().insert(ACME, approval(ACME, "a-1", "m-1", T0));
    assertThatThrownBy(() -> store().insert(ACME, approval(ACME, "a-1", "m-2", T0)))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void listsNewestFirstAndFiltersByStatus() {
    Approval older = approval(ACME, "a-1", "m-1", T0);
    Approval newer = approval(ACME, "a-2", "m-2", T0.plusSeconds(60))
        .withVote(vote("m-2", Capacity.SUBJECT, false, T0.plusSeconds(61)), ApprovalStatus.DENIED);
    store().insert(ACME, older);
    store().insert(ACME, newer);

    assertThat(store().list(ACME, Optional.empty())).containsExactly(newer, older);
    assertThat(store().list(ACME, Optional.of(ApprovalStatus.DENIED))).containsExactly(newer);
    assertThat(store().list(ACME, Optional.of(ApprovalStatus.PENDING))).containsExactly(older);
    assertThat(store().list(ACME, Optional.of(ApprovalStatus.APPROVED))).isEmpty();
  }

  @Test
  void theSameIdsInTwoTenantsNeverLeak() {
    Approval acme = approval(ACME, "a-1", "m-1", T0)
        .withVote(vote("m-1", Capacity.SUBJECT, true, T0.plusSeconds(1)), ApprovalStatus.APPROVED);
    Approval globex = approval(GLOBEX, "a-1", "m-1", T0.plusSeconds(10));
    store().insert(ACME, acme);
    store().insert(GLOBEX, globex);

    assertThat(store().find(ACME, acme.id())).contains(acme);
    assertThat(store().find(GLOBEX, globex.id())).contains(globex);
    assertThat(store().list(ACME, Optional.empty())).containsExactly(acme);
    assertThat(store().list(GLOBEX, Optional.empty())).containsExactly(globex);
    assertThat(store().list(TenantId.of("initech"), Optional.empty())).isEmpty();

    Approval denied = globex.withVote(vote("admin", Capacity.ADMIN, false, T0.plusSeconds(11)), ApprovalStatus.DENIED);
    assertThat(store().update(GLOBEX, globex, denied)).isTrue();
    assertThat(store().find(ACME, acme.id())).contains(acme);
    assertThat(store().find(GLOBEX, globex.id()).map(Approval::votes)).contains(List.copyOf(denied.votes()));
  }
}
