package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The settings of a synthetic organisation, and the entry point that generates it. The demo, the
 * tests and the benchmarks all use it:
 *
 * <pre>{@code
 * GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(300).build().generate();
 * org.members();                              // 300 members in teams of 5 to 12
 * org.events().filter(...).forEach(...);      // produced lazily, in time order
 * JsonLinesWriter.write(org, Path.of("org.jsonl"));
 * }</pre>
 *
 * <p>Generation is deterministic: the same settings (seed included) give the same members, teams
 * and events, value for value and in the same order, on every JVM and platform (randomness is a
 * built-in SplitMix64 and all maths is {@link StrictMath}), so written output is byte-identical
 * from run to run. A different seed gives a different organisation. The default end instant is
 * fixed ({@link #DEFAULT_END}) for the same reason; pass {@code Instant.now()} for live demos.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class SyntheticOrganisation {
  /** The default end of the generated period: {@code 2026-11-01T00:00:00Z}. */
  public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");

  private static final Instant EARLIEST_END = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST_END = Instant.parse("+10000-01-01T00:00:00Z");

  private final long seed;
  private final int members;
  private final int weeks;
  private final Instant end;
  private final int teams;
  private final int membersPerTeam;
  private final double eventsPerMemberPerWeek;
  private final double activityDispersion;
  private final double silentShare;
  private final double crossTeamShare;
  private final int connectors;
  private final double decliningTeamShare;
  private final double fadingTeamShare;
  private final double lowSafetyTeamShare;

  private SyntheticOrganisation(Builder b) {
    this.seed = b.seed;
    this.members = b.members;
    this.weeks = b.weeks;
    this.end = b.end;
    this.teams = b.teams;
    this.membersPerTeam = b.membersPerTeam;
    this.eventsPerMemberPerWeek = b.eventsPerMemberPerWeek;
    this.activityDispersion = b.activityDispersion;
    this.silentShare = b.silentShare;
    this.crossTeamShare = b.crossTeamShare;
    this.connectors = b.connectors;
    this.decliningTeamShare = b.decliningTeamShare;
    this.fadingTeamShare = b.fadingTeamShare;
    this.lowSafetyTeamShare = b.lowSafetyTeamShare;
  }

  /** A builder holding the defaults: seed 42, 300 members, 12 weeks ending at {@link #DEFAULT_END}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The organisation with every setting at its default. */
  public static SyntheticOrganisation defaults() {
    return builder().build();
  }

  /**
   * Generates the organisation: members, teams, cohorts and org units are built now (memory grows
   * with the number of members); events are produced lazily by the returned object, so their
   * number is limited only by time, not memory.
   */
  public GeneratedOrganisation generate() {
    return new GeneratedOrganisation(this, StructureGenerator.build(this));
  }

  /** The seed all randomness derives from. */
  public long seed() {
    return seed;
  }

  /** How many members the organisation has. */
  public int members() {
    return members;
  }

  /** How many weeks of activity are generated, ending at {@link #end()}. */
  public int weeks() {
    return weeks;
  }

  /** The exclusive end of the generated period, in whole seconds. */
  public Instant end() {
    return end;
  }

  /** The start of the generated period: {@link #end()} minus {@link #weeks()} weeks. */
  public Instant start() {
    return end.minus(7L * weeks, ChronoUnit.DAYS);
  }

  /** The requested number of teams, or 0 when the team sizes decide it. */
  public int teams() {
    return teams;
  }

  /** The requested team size, or 0 when sizes are drawn from 5 to 12. */
  public int membersPerTeam() {
    return membersPerTeam;
  }

  /** Mean number of actions a member starts per week, before answers, reactions and rituals. */
  public double eventsPerMemberPerWeek() {
    return eventsPerMemberPerWeek;
  }

  /** The lognormal shape of per-member activity rates; larger is more unequal. */
  public double activityDispersion() {
    return activityDispersion;
  }

  /** The share of members who never do anything. */
  public double silentShare() {
    return silentShare;
  }

  /** The share of an ordinary member's actions that stray into another team, beyond the connectors' bridges. */
  public double crossTeamShare() {
    return crossTeamShare;
  }

  /** The requested number of connectors, or -1 for about one per four teams. */
  public int connectors() {
    return connectors;
  }

  /** The share of teams whose activity declines over the last weeks. */
  public double decliningTeamShare() {
    return decliningTeamShare;
  }

  /** The share of teams in which a few members go silent over the last weeks. */
  public double fadingTeamShare() {
    return fadingTeamShare;
  }

  /** The share of teams with low psychological safety. */
  public double lowSafetyTeamShare() {
    return lowSafetyTeamShare;
  }

  @Override
  public String toString() {
    return "SyntheticOrganisation[seed=" + seed + ", members=" + members + ", weeks=" + weeks
        + ", end=" + end + ", teams=" + teams + ", membersPerTeam=" + membersPerTeam
        + ", eventsPerMemberPerWeek=" + eventsPerMemberPerWeek + ", activityDispersion="
        + activityDispersion + ", silentShare=" + silentShare + ", crossTeamShare=" + crossTeamShare
        + ", connectors=" + connectors + ", decliningTeamShare=" + decliningTeamShare
        + ", fadingTeamShare=" + fadingTeamShare + ", lowSafetyTeamShare=" + lowSafetyTeamShare + "]";
  }

  /**
   * Builds {@link SyntheticOrganisation} settings. Each setter checks its own range and throws
   * {@link IllegalArgumentException} naming the parameter; {@link #build()} checks combinations.
   * Not thread-safe.
   */
  public static final class Builder {
    private long seed = 42;
    private int members = 300;
    private int weeks = 12;
    private Instant end = DEFAULT_END;
    private int teams;
    private int membersPerTeam;
    private double eventsPerMemberPerWeek = 10;
    private double activityDispersion = 1.3;
    private double silentShare = 0.04;
    private double crossTeamShare = 0.02;
    private int connectors = -1;
    private double decliningTeamShare = 0.10;
    private double fadingTeamShare = 0.08;
    private double lowSafetyTeamShare = 0.15;

    private Builder() {}

    /** The seed all randomness derives from (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many members, at least 10 (default 300). */
    public Builder members(int members) {
      this.members = atLeast(members, 10, "members");
      return this;
    }

    /** Weeks of activity, 1 to 520 (default 12). */
    public Builder weeks(int weeks) {
      if (weeks < 1 || weeks > 520) {
        throw new IllegalArgumentException("weeks must be in [1, 520], got " + weeks);
      }
      this.weeks = weeks;
      return this;
    }

    /**
     * The exclusive end of the period, truncated to whole seconds, in the years 1900 to 9999
     * (default {@link #DEFAULT_END}).
     */
    public Builder end(Instant end) {
      requireNonNull(end, "end");
      if (end.isBefore(EARLIEST_END) || !end.isBefore(LATEST_END)) {
        throw new IllegalArgumentException("end must be in the years 1900 to 9999, got " + end);
      }
      this.end = end.truncatedTo(ChronoUnit.SECONDS);
      return this;
    }

    /** An exact number of teams, at least 1; members are spread evenly. Excludes {@link #membersPerTeam}. */
    public Builder teams(int teams) {
      this.teams = atLeast(teams, 1, "teams");
      return this;
    }

    /** A fixed team size, at least 3 (default: sizes drawn from 5 to 12). Excludes {@link #teams}. */
    public Builder membersPerTeam(int membersPerTeam) {
      this.membersPerTeam = atLeast(membersPerTeam, 3, "membersPerTeam");
      return this;
    }

    /**
     * Mean number of actions (messages, mentions, reviews, meetings, ...) an active member starts
     * per week, greater than 0 (default 10). Answers, reactions, surveys, consent and outcomes come
     * on top, so the default organisation has roughly twice as many events.
     */
    public Builder eventsPerMemberPerWeek(double eventsPerMemberPerWeek) {
      if (!(eventsPerMemberPerWeek > 0 && eventsPerMemberPerWeek <= 10_000)) {
        throw new IllegalArgumentException(
            "eventsPerMemberPerWeek must be in (0, 10000], got " + eventsPerMemberPerWeek);
      }
      this.eventsPerMemberPerWeek = eventsPerMemberPerWeek;
      return this;
    }

    /** Lognormal shape of per-member activity, 0 to 3 (default 1.3; 0 makes everyone equally active). */
    public Builder activityDispersion(double activityDispersion) {
      this.activityDispersion = range(activityDispersion, 0, 3, "activityDispersion");
      return this;
    }

    /** Share of members who never do anything, 0 to 0.5 (default 0.04). */
    public Builder silentShare(double silentShare) {
      this.silentShare = range(silentShare, 0, 0.5, "silentShare");
      return this;
    }

    /** Share of an ordinary member's actions that stray into a team no connector links them to, 0 to 0.5 (default 0.02). */
    public Builder crossTeamShare(double crossTeamShare) {
      this.crossTeamShare = range(crossTeamShare, 0, 0.5, "crossTeamShare");
      return this;
    }

    /** Number of deliberate connectors who bridge teams, at least 0 (default: about one per four teams). */
    public Builder connectors(int connectors) {
      this.connectors = atLeast(connectors, 0, "connectors");
      return this;
    }

    /** Share of teams whose activity declines in the last weeks, 0 to 1 (default 0.10). */
    public Builder decliningTeamShare(double decliningTeamShare) {
      this.decliningTeamShare = range(decliningTeamShare, 0, 1, "decliningTeamShare");
      return this;
    }

    /** Share of teams in which a few members go silent in the last weeks, 0 to 1 (default 0.08). */
    public Builder fadingTeamShare(double fadingTeamShare) {
      this.fadingTeamShare = range(fadingTeamShare, 0, 1, "fadingTeamShare");
      return this;
    }

    /** Share of teams with low psychological safety, 0 to 1 (default 0.15). */
    public Builder lowSafetyTeamShare(double lowSafetyTeamShare) {
      this.lowSafetyTeamShare = range(lowSafetyTeamShare, 0, 1, "lowSafetyTeamShare");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException when settings contradict each other: both {@code teams} and
     *     {@code membersPerTeam} set, fewer than 3 members per team, teams larger than the
     *     organisation, more connectors than half the members, or declining and fading teams
     *     together more than all teams
     */
    public SyntheticOrganisation build() {
      if (teams > 0 && membersPerTeam > 0) {
        throw new IllegalArgumentException("set teams or membersPerTeam, not both");
      }
      if (teams > members / 3) {
        throw new IllegalArgumentException(
            "teams must be at most members / 3 = " + members / 3 + ", got " + teams);
      }
      if (membersPerTeam > members) {
        throw new IllegalArgumentException(
            "membersPerTeam must be at most members = " + members + ", got " + membersPerTeam);
      }
      if (connectors > members / 2) {
        throw new IllegalArgumentException(
            "connectors must be at most members / 2 = " + members / 2 + ", got " + connectors);
      }
      if (decliningTeamShare + fadingTeamShare > 1) {
        throw new IllegalArgumentException("decliningTeamShare + fadingTeamShare must be at most 1");
      }
      return new SyntheticOrganisation(this);
    }

    private static int atLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
      }
      return value;
    }

    private static double range(double value, double min, double max, String name) {
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
      }
      return value;
    }
  }
}
