package io.convener.api.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to rank. The graph and the scores are always the whole tenant's inside the window (a team's
 * champion draws influence from the whole organisation); the filters choose whom to list. Immutable;
 * build one with {@link #builder()}.
 *
 * @param asOf the end of the window (exclusive); empty for the instant of the call
 * @param window the window's length, ending at {@code asOf} (default 90 days)
 * @param team list only members of this team
 * @param cohort list only members of this cohort
 * @param org list only members of this org unit or beneath it (roll-up)
 * @param minActivity list only members with at least this many contributions and responses
 *     together in the window (default 1)
 * @param role list only members holding this role
 * @param limit at most this many entries (default 20, at most 10,000)
 */
public record ChampionQuery(
    Optional<Instant> asOf,
    Duration window,
    Optional<TeamId> team,
    Optional<CohortId> cohort,
    Optional<OrgUnit> org,
    double minActivity,
    Optional<ChampionRole> role,
    int limit) {
  /** The default window: 90 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  /** The largest limit. */
  public static final int MAX_LIMIT = 10_000;

  /** Validates, naming the first bad component. */
  public ChampionQuery {
    requireNonNull(asOf, "asOf");
    checkWindow(window);
    requireNonNull(team, "team");
    requireNonNull(cohort, "cohort");
    requireNonNull(org, "org");
    if (!(minActivity >= 0) || Double.isInfinite(minActivity)) {
      throw new IllegalArgumentException("minActivity must be a finite number >= 0, got " + minActivity);
    }
    requireNonNull(role, "role");
    checkLimit(limit);
  }

  /** A builder with the defaults: now, 90 days, no filters, minimum activity 1, 20 entries. */
  public static Builder builder() {
    return new Builder();
  }

  static void checkWindow(Duration window) {
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
  }

  static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
    }
  }

  /** Builds a {@link ChampionQuery}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Instant asOf;
    private Duration window = DEFAULT_WINDOW;
    private @Nullable TeamId team;
    private @Nullable CohortId cohort;
    private @Nullable OrgUnit org;
    private double minActivity = 1;
    private @Nullable ChampionRole role;
    private int limit = 20;

    private Builder() {}

    /** The end of the window. */
    public Builder asOf(Instant asOf) {
      this.asOf = requireNonNull(asOf, "asOf");
      return this;
    }

    /** The window's length. */
    public Builder window(Duration window) {
      this.window = requireNonNull(window, "window");
      return this;
    }

    /** Only members of this team. */
    public Builder team(TeamId team) {
      this.team = requireNonNull(team, "team");
      return this;
    }

    /** Only members of this cohort. */
    public Builder cohort(CohortId cohort) {
      this.cohort = requireNonNull(cohort, "cohort");
      return this;
    }

    /** Only members of this org unit or beneath it. */
    public Builder org(OrgUnit org) {
      this.org = requireNonNull(org, "org");
      return this;
    }

    /** Minimum contributions and responses in the window. */
    public Builder minActivity(double minActivity) {
      this.minActivity = minActivity;
      return this;
    }

    /** Only members holding this role. */
    public Builder role(ChampionRole role) {
      this.role = requireNonNull(role, "role");
      return this;
    }

    /** At most this many entries. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** The query; throws {@link IllegalArgumentException} naming the first bad component. */
    public ChampionQuery build() {
      return new ChampionQuery(Optional.ofNullable(asOf), window, Optional.ofNullable(team),
          Optional.ofNullable(cohort), Optional.ofNullable(org), minActivity, Optional.ofNullable(role), limit);
    }
  }
}
