package io.convener.core.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentFilter;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.consent.Permissions;
import io.convener.spi.storage.ApprovalStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link Permissions} of approved approvals: an approval of {@code purpose} about {@code
 * subject}, requested by the grantee, approved, and before its expiry. Its record's id is {@code
 * approval:<approval id>}, its instant the deciding vote's, its expiry the approval's, and its
 * notice the approval's scope, so a result that relied on it names the approval. An approval found
 * approved past its expiry is settled as {@code LAPSED} on the way (with its own entry) and grants
 * nothing. Reads the tenant's approved approvals on each call. Thread-safe.
 */
final class ApprovalPermissions implements Permissions {
  private static final int MAX_ID = 128;

  private final ApprovalStore store;
  private final ApprovalClockwork clockwork;
  private final Clock clock;

  @Inject
  ApprovalPermissions(ApprovalStore store, ApprovalClockwork clockwork, @ApprovalClock Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clockwork = requireNonNull(clockwork, "clockwork");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Disclosed<MemberId>> permission(Principal grantee, MemberId subject, Purpose purpose) {
    requireNonNull(grantee, "grantee");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    Instant now = clock.instant();
    Optional<Disclosed<MemberId>> found = Optional.empty();
    for (Approval a : store.list(grantee.tenant(), Optional.of(ApprovalStatus.APPROVED))) {
      if (!a.subject().equals(subject) || !a.purpose().equals(purpose)) {
        continue;
      }
      if (a.statusAt(now) != ApprovalStatus.APPROVED) {
        clockwork.settle(grantee.tenant(), a);
      } else if (found.isEmpty() && a.permits(grantee.subject(), now)) {
        found = Optional.of(ConsentFilter.disclose(record(a), grantee.tenant(), purpose, now));
      }
    }
    return found;
  }

  private static ConsentRecord record(Approval a) {
    Instant decided = a.votes().stream().map(ApprovalVote::at).max(Instant::compareTo).orElse(a.created());
    return ConsentRecord.builder()
        .id(ConsentRecordId.of(id(a)))
        .tenant(a.tenant())
        .subject(a.subject())
        .purpose(a.purpose())
        .decision(ConsentDecision.GRANTED)
        .method(ConsentMethod.APPROVAL)
        .recordedBy(a.requester())
        .noticeVersion(notice(a.scope()))
        .at(decided)
        .expiresAt(Optional.of(a.expires()))
        .build();
  }

  /** {@code approval:<id>}, cut to the longest consent record id. */
  private static String id(Approval a) {
    String id = "approval:" + a.id().value();
    return id.length() <= MAX_ID ? id : id.substring(0, MAX_ID);
  }

  /** The scope as a notice text: at most 200 characters, on one line. */
  private static String notice(String scope) {
    String oneLine = scope.replaceAll("\\p{Cntrl}", " ").strip();
    return oneLine.length() <= ConsentRecord.MAX_TEXT ? oneLine : oneLine.substring(0, ConsentRecord.MAX_TEXT);
  }
}
