package io.convener.api.pulse;

/** What a risk flag warns of. The set may grow; the names are part of the contract. */
public enum RiskKind {
  /** The scope's activity per member fell well below its baseline. */
  ENGAGEMENT_DROP(false),
  /** A member active in the baseline is silent in the window (compared with their own baseline). */
  SILENT_MEMBER(true),
  /** A low share of the scope's messages is answered within 48 hours. */
  UNANSWERED(false),
  /** Turn-taking is unequal: a few members make most of the activity. */
  LOW_INCLUSION(false),
  /** The scope's mean sentiment is negative. */
  NEGATIVE_SENTIMENT(false),
  /** The scope's psychological safety score is low. */
  LOW_PSYCH_SAFETY(false);

  private final boolean individual;

  RiskKind(boolean individual) {
    this.individual = individual;
  }

  /** Whether a flag of this kind is about one member rather than the whole scope. */
  public boolean individual() {
    return individual;
  }
}
