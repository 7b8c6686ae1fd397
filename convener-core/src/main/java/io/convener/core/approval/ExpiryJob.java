package io.convener.core.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalStatus;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.spi.storage.ApprovalStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@value #NAME}: stores each pending approval whose time ran out as expired, and each approved one
 * whose permission ended as lapsed, each with its own provenance entry (see {@link
 * ApprovalClockwork}), without waiting for someone to read it. The clockwork's compare-and-set
 * makes a repeated run, or a reader at the same moment, write each transition and entry once.
 */
final class ExpiryJob implements ScheduledJob {
  static final String NAME = "approvals.expiry";

  private final ApprovalStore store;
  private final ApprovalClockwork clockwork;

  @Inject
  ExpiryJob(ApprovalStore store, ApprovalClockwork clockwork) {
    this.store = requireNonNull(store, "store");
    this.clockwork = requireNonNull(clockwork, "clockwork");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return settings.approvalExpiry();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    for (ApprovalStatus open : new ApprovalStatus[] {ApprovalStatus.PENDING, ApprovalStatus.APPROVED}) {
      for (Approval a : store.list(tenant, Optional.of(open))) {
        clockwork.settle(tenant, a);
      }
    }
  }
}
