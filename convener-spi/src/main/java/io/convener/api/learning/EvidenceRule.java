package io.convener.api.learning;

/**
 * Why a learning artifact is taken to be in an outcome's lineage, or how strongly. Explicit
 * references come first; the other rules are evidence used when references are missing or
 * incomplete, and are recorded beside explicit ones to explain them. Each has a stable wire name.
 */
public enum EvidenceRule {
  /** The outcome refers to the artifact, or to an application that refers to it. */
  EXPLICIT_REF("explicit-ref"),
  /** An application by a member of the outcome's team refers to the artifact. */
  APPLIED_REF("applied-ref"),
  /** An application without references, whose tags match the artifact's, made it likely the source. */
  INFERRED_SOURCE("inferred-source"),
  /** The member who applied the artifact belongs to the outcome's team. */
  APPLIER_TEAM("applier-team"),
  /** The artifact was written by a member of the outcome's team. */
  TEAM_AUTHOR("team-author"),
  /** The member who reported the outcome applied or wrote the artifact. */
  REPORTER("reporter"),
  /** The artifact entered the lineage shortly before the outcome. */
  TIME_PROXIMITY("time-proximity"),
  /** The artifact's tags match the outcome's (or its application's). */
  MATCHING_TAGS("matching-tags"),
  /** Somebody in the outcome's lineage mentioned the artifact's author. */
  MENTION("mention"),
  /**
   * The outcome's value improved, in its declared {@link OutcomeDirection}, on the team's previous
   * report of the same metric, and the artifact entered the lineage between the two reports.
   */
  OUTCOME_CHANGE("outcome-change");

  private final String wireName;

  EvidenceRule(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in outputs, such as {@code explicit-ref}. */
  public String wireName() {
    return wireName;
  }
}
