package io.convener.api.pulse;

/**
 * The metrics of a pulse, each with its stable wire name (the key in the {@code pulse} command's
 * JSON). {@code docs/pulse.md} gives every formula.
 */
public enum PulseMetric {
  /** Members in the scope. */
  MEMBERS("members"),
  /** Members who authored at least one activity event in the window. */
  ACTIVE_MEMBERS("activeMembers"),
  /** Active members / members. */
  PARTICIPATION_RATE("participationRate"),
  /** Activity events authored by the scope's members / members. */
  EVENTS_PER_MEMBER("eventsPerMember"),
  /** Share of the scope's messages answered by someone else within 48 hours. */
  RESPONSE_RATE("responseRate"),
  /** Median minutes from a message to its first answer by someone else (CHAOSS time to first response). */
  MEDIAN_RESPONSE_MINUTES("medianResponseMinutes"),
  /** Share of the directed ties from the scope's members that are returned. */
  RECIPROCITY("reciprocity"),
  /** Gini coefficient of activity events across all members of the scope, silent ones included. */
  TURN_TAKING_GINI("turnTakingGini"),
  /** The fewest members who authored half of the activity (CHAOSS contributor absence factor). */
  ABSENCE_FACTOR("absenceFactor"),
  /** Mean sentiment of the scope's events, in [-1, 1]. */
  SENTIMENT("sentiment"),
  /** Least-squares slope of daily mean sentiment, per week. */
  SENTIMENT_TREND("sentimentTrend"),
  /** Edmondson team psychological safety, 1 to 7: the mean of the respondents' means. */
  PSYCH_SAFETY("psychSafety"),
  /** Members who answered the psychological safety survey in the window. */
  RESPONDENTS("respondents"),
  /** Within-team agreement r_wg(J) of the psychological safety answers, 0 to 1. */
  PSYCH_SAFETY_AGREEMENT("psychSafetyAgreement");

  private final String wireName;

  PulseMetric(String wireName) {
    this.wireName = wireName;
  }

  /** The key used in JSON output, such as {@code participationRate}. */
  public String wireName() {
    return wireName;
  }
}
