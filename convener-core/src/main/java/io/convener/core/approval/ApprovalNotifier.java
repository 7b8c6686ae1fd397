package io.convener.core.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.approval.Approval;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.internal.consent.ConsentEngine;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The notification of a new approval: {@value #REQUESTED} to its subject, if the subject consents
 * to {@link NotificationDraft#DIRECT}. The request's gate call writes it to the outbox with its
 * provenance entry, so it is sent if and only if the request commits. Thread-safe.
 */
final class ApprovalNotifier {
  static final String REQUESTED = "approval.requested";

  private final ConsentEngine consent;

  @Inject
  ApprovalNotifier(ConsentEngine consent) {
    this.consent = requireNonNull(consent, "consent");
  }

  /** The draft for the subject of {@code approval}, or none when the subject does not consent. */
  List<NotificationDraft> requested(Approval approval) {
    return consent.disclose(approval.tenant(), NotificationDraft.DIRECT, List.of(approval.subject())).disclosed()
        .stream()
        .map(subject -> NotificationDraft.of(subject, REQUESTED, approval.id().value() + ":requested",
            Map.of("approval", approval.id().value(), "purpose", approval.purpose().name())))
        .toList();
  }
}
