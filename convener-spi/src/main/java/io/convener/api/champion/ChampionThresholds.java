package io.convener.api.champion;

/**
 * The tenant's published cut-offs for roles, personas and anti-gaming. Immutable; start from
 * {@link #defaults()} and change what differs with {@link #builder(ChampionThresholds)}.
 *
 * @param championQuantile a member is a {@link ChampionRole#CHAMPION} when their score is
 *     positive and at least this quantile of the positive scores in the tenant (default 0.9: the
 *     top decile)
 * @param connectorBrokerage a member is a {@link ChampionRole#CONNECTOR} when their brokerage
 *     component is at least this (default 0.5) ...
 * @param connectorGroups ... and their ties reach at least this many communities or teams,
 *     their own included (default 2)
 * @param observerActivity below this many contributions and responses together, a member is an
 *     {@link Persona#OBSERVER} (default 3)
 * @param personaTau the half-width of the engager band of {@code ln((received + 1) / (given +
 *     1))} (default ln 2: twice as many one way as the other)
 * @param broadcasterPostShare the share of a member's contributions that are posts ({@code
 *     message}) from which a low-response member is a {@link Persona#BROADCASTER} (default 0.75)
 * @param repeatDecay the factor by which each further reaction or endorsement from the same person
 *     to the same person counts less: the k-th counts {@code repeatDecay^(k-1)} (default 0.5; 1
 *     turns diminishing returns off)
 * @param structuralRefresh on graphs too large for exact metrics, the share of the window's events
 *     that may arrive before the structural metrics (betweenness, constraint, communities) are
 *     recomputed (default 0.01); counts, PageRank and scores are always recomputed
 */
public record ChampionThresholds(
    double championQuantile,
    double connectorBrokerage,
    int connectorGroups,
    double observerActivity,
    double personaTau,
    double broadcasterPostShare,
    double repeatDecay,
    double structuralRefresh) {

  /** Validates every value, naming the first one out of range. */
  public ChampionThresholds {
    unit(championQuantile, "championQuantile");
    unit(connectorBrokerage, "connectorBrokerage");
    if (connectorGroups < 1) {
      throw new IllegalArgumentException("connectorGroups must be >= 1, got " + connectorGroups);
    }
    nonNegative(observerActivity, "observerActivity");
    nonNegative(personaTau, "personaTau");
    unit(broadcasterPostShare, "broadcasterPostShare");
    if (!(repeatDecay > 0 && repeatDecay <= 1)) {
      throw new IllegalArgumentException("repeatDecay must be in (0, 1], got " + repeatDecay);
    }
    unit(structuralRefresh, "structuralRefresh");
  }

  /** The documented defaults. */
  public static ChampionThresholds defaults() {
    return new ChampionThresholds(0.9, 0.5, 2, 3, Math.log(2), 0.75, 0.5, 0.01);
  }

  /** A builder starting from {@code base}. */
  public static Builder builder(ChampionThresholds base) {
    return new Builder(base);
  }

  private static void unit(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  private static void nonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
    }
  }

  /** Builds {@link ChampionThresholds}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private double championQuantile;
    private double connectorBrokerage;
    private int connectorGroups;
    private double observerActivity;
    private double personaTau;
    private double broadcasterPostShare;
    private double repeatDecay;
    private double structuralRefresh;

    private Builder(ChampionThresholds b) {
      championQuantile = b.championQuantile;
      connectorBrokerage = b.connectorBrokerage;
      connectorGroups = b.connectorGroups;
      observerActivity = b.observerActivity;
      personaTau = b.personaTau;
      broadcasterPostShare = b.broadcasterPostShare;
      repeatDecay = b.repeatDecay;
      structuralRefresh = b.structuralRefresh;
    }

    /** See {@link ChampionThresholds#championQuantile()}. */
    public Builder championQuantile(double v) {
      championQuantile = v;
      return this;
    }

    /** See {@link ChampionThresholds#connectorBrokerage()}. */
    public Builder connectorBrokerage(double v) {
      connectorBrokerage = v;
      return this;
    }

    /** See {@link ChampionThresholds#connectorGroups()}. */
    public Builder connectorGroups(int v) {
      connectorGroups = v;
      return this;
    }

    /** See {@link ChampionThresholds#observerActivity()}. */
    public Builder observerActivity(double v) {
      observerActivity = v;
      return this;
    }

    /** See {@link ChampionThresholds#personaTau()}. */
    public Builder personaTau(double v) {
      personaTau = v;
      return this;
    }

    /** See {@link ChampionThresholds#broadcasterPostShare()}. */
    public Builder broadcasterPostShare(double v) {
      broadcasterPostShare = v;
      return this;
    }

    /** See {@link ChampionThresholds#repeatDecay()}. */
    public Builder repeatDecay(double v) {
      repeatDecay = v;
      return this;
    }

    /** See {@link ChampionThresholds#structuralRefresh()}. */
    public Builder structuralRefresh(double v) {
      structuralRefresh = v;
      return this;
    }

    /** The thresholds; throws {@link IllegalArgumentException} naming the first bad value. */
    public ChampionThresholds build() {
      return new ChampionThresholds(championQuantile, connectorBrokerage, connectorGroups, observerActivity,
          personaTau, broadcasterPostShare, repeatDecay, structuralRefresh);
    }
  }
}
