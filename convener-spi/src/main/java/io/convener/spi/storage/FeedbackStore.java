package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackStatus;
import java.util.List;
import java.util.Optional;

/**
 * Feedback of a tenant. The store keeps the {@link Feedback#reason()} text it is given as it is:
 * the service hands it the reason's ciphertext, never the plaintext. Implementations are
 * thread-safe and throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface FeedbackStore {
  /**
   * Stores new feedback.
   *
   * @throws IllegalArgumentException when the feedback belongs to another tenant
   * @throws io.convener.api.StorageException when the tenant already has feedback with its id
   */
  void insert(TenantId tenant, Feedback feedback);

  /** The feedback with this id. */
  Optional<Feedback> find(TenantId tenant, FeedbackId id);

  /** The tenant's feedback (of one status, or all), newest first. */
  List<Feedback> list(TenantId tenant, Optional<FeedbackStatus> status);

  /** The tenant's disputes that hold ({@link FeedbackStatus#holds()}), oldest first. */
  List<Feedback> holdingDisputes(TenantId tenant);

  /**
   * Stores the review of an open dispute: writes {@code reviewed}'s status, reviewer and instant
   * when the stored feedback is still {@link FeedbackStatus#OPEN}.
   *
   * @return true when written, false when it is no longer open (or missing)
   * @throws IllegalArgumentException when {@code reviewed} is not a reviewed dispute of this tenant
   */
  boolean review(TenantId tenant, Feedback reviewed);
}
