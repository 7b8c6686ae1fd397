package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One piece of feedback. Immutable and thread-safe.
 *
 * @param id its id in the tenant
 * @param tenant the tenant it belongs to
 * @param target the result it is about
 * @param verdict agree or dispute
 * @param reason why, in the giver's words (at most {@link #MAX_REASON} characters); personal data,
 *     stored encrypted under the author's key, so it reads as empty once the author's data was
 *     erased
 * @param author the subject of the principal who gave it
 * @param created when it was given
 * @param status {@link FeedbackStatus#NOTED} for an agreement; a dispute's review state
 * @param reviewer the admin who reviewed a dispute
 * @param reviewed when the dispute was reviewed
 */
public record Feedback(
    FeedbackId id,
    TenantId tenant,
    FeedbackTarget target,
    Verdict verdict,
    String reason,
    String author,
    Instant created,
    FeedbackStatus status,
    Optional<String> reviewer,
    Optional<Instant> reviewed) {
  /** Longest reason accepted, in characters. */
  public static final int MAX_REASON = 500;

  /** Validates: status fits the verdict, a review has both its reviewer and instant. */
  public Feedback {
    requireNonNull(id, "id");
    requireNonNull(tenant, "tenant");
    requireNonNull(target, "target");
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    requireNonNull(author, "author");
    requireNonNull(created, "created");
    requireNonNull(status, "status");
    requireNonNull(reviewer, "reviewer");
    requireNonNull(reviewed, "reviewed");
    if (author.isBlank()) {
      throw new IllegalArgumentException("author must not be blank");
    }
    if ((verdict == Verdict.AGREE) != (status == FeedbackStatus.NOTED)) {
      throw new IllegalArgumentException("an agreement is noted, a dispute open, accepted or rejected; got "
          + verdict + " " + status);
    }
    boolean decided = status == FeedbackStatus.ACCEPTED || status == FeedbackStatus.REJECTED;
    if (decided != reviewer.isPresent() || decided != reviewed.isPresent()) {
      throw new IllegalArgumentException("a reviewed dispute, and only one, has a reviewer and a review instant");
    }
  }

  /** New feedback: {@link FeedbackStatus#NOTED} when it agrees, {@link FeedbackStatus#OPEN} when it disputes. */
  public static Feedback given(FeedbackId id, TenantId tenant, FeedbackTarget target, Verdict verdict, String reason,
      String author, Instant created) {
    FeedbackStatus status = verdict == Verdict.AGREE ? FeedbackStatus.NOTED : FeedbackStatus.OPEN;
    return new Feedback(id, tenant, target, verdict, reason, author, created, status, Optional.empty(),
        Optional.empty());
  }

  /** This dispute, reviewed: accepted or rejected by {@code reviewer} at {@code at}. */
  public Feedback reviewed(boolean accept, String reviewer, Instant at) {
    if (status != FeedbackStatus.OPEN) {
      throw new IllegalStateException("only an open dispute can be reviewed; " + id + " is " + status.wireName());
    }
    return new Feedback(id, tenant, target, verdict, reason, author, created,
        accept ? FeedbackStatus.ACCEPTED : FeedbackStatus.REJECTED, Optional.of(reviewer), Optional.of(at));
  }

  /** This feedback with another reason text (its ciphertext in a store, its plaintext in a result). */
  public Feedback withReason(String text) {
    return new Feedback(id, tenant, target, verdict, text, author, created, status, reviewer, reviewed);
  }

  /** Whether this is a dispute that changes results now. */
  public boolean holds() {
    return verdict == Verdict.DISPUTE && status.holds();
  }
}
