package io.convener.api.pulse;

/**
 * A tenant's pulse thresholds; {@link #defaults()} until an admin sets others. {@code
 * docs/pulse.md} explains each default. Immutable and thread-safe; build one with {@link
 * #builder()}.
 *
 * @param minGroupSize k: aggregates over fewer members (survey scores: fewer respondents) are
 *     suppressed; at least {@link #MIN_GROUP_SIZE_FLOOR} (default 5)
 * @param engagementDrop {@code ENGAGEMENT_DROP} when events per member fall by at least this share
 *     of the baseline, in (0, 1] (default 0.3)
 * @param silentAfterEvents {@code SILENT_MEMBER} for a member with at least this many activity
 *     events in the baseline and none in the window, at least 1 (default 3)
 * @param unansweredBelow {@code UNANSWERED} when the response rate is below this, in (0, 1]
 *     (default 0.5)
 * @param minMessages messages the window needs before {@code UNANSWERED} is judged (default 10)
 * @param inclusionGini {@code LOW_INCLUSION} when the turn-taking Gini is at least this, in (0, 1]
 *     (default 0.7)
 * @param negativeSentiment {@code NEGATIVE_SENTIMENT} when mean sentiment is at most this, in
 *     [-1, 0] (default -0.2)
 * @param minScoredEvents events with sentiment the window needs before {@code NEGATIVE_SENTIMENT}
 *     is judged (default 10)
 * @param lowPsychSafety {@code LOW_PSYCH_SAFETY} when the team score is below this, in (1, 7]
 *     (default 4.0, the scale's midpoint)
 */
public record PulseSettings(
    int minGroupSize,
    double engagementDrop,
    int silentAfterEvents,
    double unansweredBelow,
    int minMessages,
    double inclusionGini,
    double negativeSentiment,
    int minScoredEvents,
    double lowPsychSafety) {
  /** The lowest k a tenant may set: 3. */
  public static final int MIN_GROUP_SIZE_FLOOR = 3;

  private static final PulseSettings DEFAULTS = builder().build();

  /** Validates every range; throws naming the first bad one. */
  public PulseSettings {
    if (minGroupSize < MIN_GROUP_SIZE_FLOOR) {
      throw new IllegalArgumentException("minGroupSize must be at least " + MIN_GROUP_SIZE_FLOOR + ", got " + minGroupSize);
    }
    range(engagementDrop, 0, 1, false, "engagementDrop");
    if (silentAfterEvents < 1) {
      throw new IllegalArgumentException("silentAfterEvents must be at least 1, got " + silentAfterEvents);
    }
    range(unansweredBelow, 0, 1, false, "unansweredBelow");
    if (minMessages < 1 || minScoredEvents < 1) {
      throw new IllegalArgumentException("minMessages and minScoredEvents must be at least 1");
    }
    range(inclusionGini, 0, 1, false, "inclusionGini");
    range(negativeSentiment, -1, 0, true, "negativeSentiment");
    range(lowPsychSafety, 1, 7, false, "lowPsychSafety");
  }

  private static void range(double v, double lo, double hi, boolean loIncluded, String name) {
    boolean ok = (loIncluded ? v >= lo : v > lo) && v <= hi;
    if (!ok) {
      throw new IllegalArgumentException(name + " must be in " + (loIncluded ? "[" : "(") + lo + ", " + hi + "], got " + v);
    }
  }

  /** The documented defaults. */
  public static PulseSettings defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minGroupSize = minGroupSize;
    b.engagementDrop = engagementDrop;
    b.silentAfterEvents = silentAfterEvents;
    b.unansweredBelow = unansweredBelow;
    b.minMessages = minMessages;
    b.inclusionGini = inclusionGini;
    b.negativeSentiment = negativeSentiment;
    b.minScoredEvents = minScoredEvents;
    b.lowPsychSafety = lowPsychSafety;
    return b;
  }

  /** Builds {@link PulseSettings}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private int minGroupSize = 5;
    private double engagementDrop = 0.3;
    private int silentAfterEvents = 3;
    private double unansweredBelow = 0.5;
    private int minMessages = 10;
    private double inclusionGini = 0.7;
    private double negativeSentiment = -0.2;
    private int minScoredEvents = 10;
    private double lowPsychSafety = 4.0;

    private Builder() {}

    /** k, at least 3. */
    public Builder minGroupSize(int k) {
      this.minGroupSize = k;
      return this;
    }

    /** Share of the baseline's events per member whose loss raises {@code ENGAGEMENT_DROP}. */
    public Builder engagementDrop(double share) {
      this.engagementDrop = share;
      return this;
    }

    /** Baseline activity events that make a member silent when the window has none. */
    public Builder silentAfterEvents(int events) {
      this.silentAfterEvents = events;
      return this;
    }

    /** Response rate below which {@code UNANSWERED} is raised. */
    public Builder unansweredBelow(double rate) {
      this.unansweredBelow = rate;
      return this;
    }

    /** Messages needed before {@code UNANSWERED} is judged. */
    public Builder minMessages(int messages) {
      this.minMessages = messages;
      return this;
    }

    /** Gini at or above which {@code LOW_INCLUSION} is raised. */
    public Builder inclusionGini(double gini) {
      this.inclusionGini = gini;
      return this;
    }

    /** Mean sentiment at or below which {@code NEGATIVE_SENTIMENT} is raised. */
    public Builder negativeSentiment(double sentiment) {
      this.negativeSentiment = sentiment;
      return this;
    }

    /** Scored events needed before {@code NEGATIVE_SENTIMENT} is judged. */
    public Builder minScoredEvents(int events) {
      this.minScoredEvents = events;
      return this;
    }

    /** Psychological safety score below which {@code LOW_PSYCH_SAFETY} is raised. */
    public Builder lowPsychSafety(double score) {
      this.lowPsychSafety = score;
      return this;
    }

    /** The settings; throws {@link IllegalArgumentException} naming the first bad value. */
    public PulseSettings build() {
      return new PulseSettings(minGroupSize, engagementDrop, silentAfterEvents, unansweredBelow, minMessages,
          inclusionGini, negativeSentiment, minScoredEvents, lowPsychSafety);
    }
  }
}
