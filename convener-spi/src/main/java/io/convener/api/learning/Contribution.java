package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.feedback.FeedbackId;
import java.util.List;

/**
 * One named contributor's part in an outcome: the member (disclosed with their consent for {@code
 * learning.attribution}), their share of the credit and the evidence behind it. Immutable.
 *
 * @param member the contributor, authorised by their consent record
 * @param share in [0, 1]
 * @param evidence why the contributor's artifacts are in the outcome's lineage, strongest first
 * @param disputes the feedback that disputes this credit and holds (open or accepted), oldest
 *     first; empty when nobody disputes it (see docs/feedback.md)
 */
public record Contribution(
    Disclosed<MemberId> member, double share, List<Evidence> evidence, List<FeedbackId> disputes) {
  /** Validates and copies. */
  public Contribution {
    requireNonNull(member, "member");
    if (!member.purpose().equals(Purpose.LEARNING_ATTRIBUTION)) {
      throw new IllegalArgumentException("member must be disclosed for learning.attribution, not " + member.purpose());
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1], got " + share);
    }
    evidence = List.copyOf(requireNonNull(evidence, "evidence"));
    disputes = List.copyOf(requireNonNull(disputes, "disputes"));
  }

  /** An undisputed contribution. */
  public Contribution(Disclosed<MemberId> member, double share, List<Evidence> evidence) {
    this(member, share, evidence, List.of());
  }

  /** Whether a dispute of this credit holds. */
  public boolean disputed() {
    return !disputes.isEmpty();
  }
}
