package io.convener.core.internal.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * One learning artifact in an outcome's lineage: its author, when it entered the lineage (its
 * latest application before the outcome, or its publication when nobody applied it), how likely
 * the evidence makes it that the artifact led to the outcome, how the lineage reaches it, and that
 * evidence. Immutable.
 *
 * @param artifact the learning event
 * @param author who wrote it
 * @param enteredAt when it entered the lineage
 * @param probability in (0, 1]
 * @param link how the outcome's lineage reaches it, whatever the weights
 * @param evidence why, strongest first
 */
public record Touch(EventId artifact, MemberId author, Instant enteredAt, double probability, Link link, List<Evidence> evidence) {
  /** How an outcome's lineage reaches an artifact, from the strongest link to the weakest. */
  enum Link {
    /** The outcome's references reach it: it, an application naming it, or an application it likely sourced. */
    REFERENCED,
    /** An application by the outcome's team names it or, naming nothing, has its tags. */
    APPLIED,
    /** Neither: written by the team, or tagged like the outcome. */
    RELATED
  }

  /** Validates. */
  public Touch {
    requireNonNull(artifact, "artifact");
    requireNonNull(author, "author");
    requireNonNull(enteredAt, "enteredAt");
    requireNonNull(link, "link");
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
    }
    evidence = List.copyOf(evidence);
  }
}
