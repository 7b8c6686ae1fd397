package io.convener.core.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.spi.storage.ApprovalStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What time does to approvals: a pending one whose time ran out is stored as {@link
 * ApprovalStatus#EXPIRED}, an approved one whose permission ended as {@link ApprovalStatus#LAPSED},
 * and each transition leaves an entry of its own ({@value #EXPIRE} or {@value #LAPSE}, agent the
 * system component {@value #AGENT}), written by whichever reader first sees it due. No permission
 * is honoured past its expiry whether or not that reader came yet. Thread-safe: of two readers, the
 * store's compare-and-set lets one make the transition and write its entry.
 */
final class ApprovalClockwork {
  static final String EXPIRE = "approvals.expire";
  static final String LAPSE = "approvals.lapse";
  static final String AGENT = "approval-clock";

  private final ApprovalStore store;
  private final ProvenanceRecorder recorder;
  private final Clock clock;

  @Inject
  ApprovalClockwork(ApprovalStore store, ProvenanceRecorder recorder, @ApprovalClock Clock clock) {
    this.store = requireNonNull(store, "store");
    this.recorder = requireNonNull(recorder, "recorder");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The approval as it stands now, after storing (and logging) the transition time made due. */
  Approval settle(TenantId tenant, Approval a) {
    ApprovalStatus now = a.statusAt(clock.instant());
    if (now == a.status()) {
      return a;
    }
    Approval settled = a.withStatus(now);
    if (!store.update(tenant, a, settled)) {
      return store.find(tenant, a.id()).orElse(settled);
    }
    String activity = now == ApprovalStatus.LAPSED ? LAPSE : EXPIRE;
    String entity = DefaultApprovalService.entity(a.id());
    recorder.record(tenant, EntryDraft.of(Agent.system(AGENT), activity,
            CanonicalEntry.digest(Map.of("approval", a.id().value(), "expires", a.expires().toString(),
                "status", now.name().toLowerCase(Locale.ROOT))),
            Outcome.ok())
        .withUsed(List.of(entity, DefaultApprovalService.member(a.subject())))
        .withGenerated(List.of(entity)));
    return settled;
  }
}
