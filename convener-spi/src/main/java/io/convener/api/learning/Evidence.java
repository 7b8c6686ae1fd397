package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;

/**
 * One piece of evidence that links a contributor's learning artifact to an outcome. It names
 * events, never people. Immutable.
 *
 * @param rule the rule that produced it
 * @param event the event it rests on: the artifact, the application or the mention
 * @param detail a short explanation for people, such as {@code applied 2.5 days before the outcome}
 */
public record Evidence(EvidenceRule rule, EventId event, String detail) {
  /** Validates. */
  public Evidence {
    requireNonNull(rule, "rule");
    requireNonNull(event, "event");
    requireNonNull(detail, "detail");
  }
}
