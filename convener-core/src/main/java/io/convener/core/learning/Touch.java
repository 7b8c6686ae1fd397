package io.convener.core.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * One learning artifact in an outcome's lineage: its author, when it entered the lineage (its
 * latest application before the outcome, or its publication when nobody applied it), how likely
 * the evidence makes it that the artifact led to the outcome, and that evidence. Immutable.
 *
 * @param artifact the learning event
 * @param author who wrote it
 * @param enteredAt when it entered the lineage
 * @param probability in (0, 1]
 * @param evidence why, strongest first
 */
record Touch(EventId artifact, MemberId author, Instant enteredAt, double probability, List<Evidence> evidence) {
  Touch {
    requireNonNull(artifact, "artifact");
    requireNonNull(author, "author");
    requireNonNull(enteredAt, "enteredAt");
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
    }
    evidence = List.copyOf(evidence);
  }
}
