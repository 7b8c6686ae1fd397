package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;

/**
 * Whose pulse: the members of a team, of a cohort, of an org unit (with every unit beneath it:
 * {@code eng} includes {@code eng/platform}), or every member of the tenant. Membership is the
 * members' current {@code teams}, {@code cohorts} and {@code org}. Immutable and thread-safe.
 */
public sealed interface PulseScope permits PulseScope.Team, PulseScope.Cohort, PulseScope.Org, PulseScope.Tenant {
  /** The scope as text: {@code team:T}, {@code cohort:C}, {@code org:PATH} or {@code tenant}. */
  String wireName();

  /** The members of a team. */
  static PulseScope team(TeamId team) {
    return new Team(team);
  }

  /** The members of a cohort. */
  static PulseScope cohort(CohortId cohort) {
    return new Cohort(cohort);
  }

  /** The members of an org unit and of every unit beneath it. */
  static PulseScope org(OrgUnit unit) {
    return new Org(unit);
  }

  /** Every member of the tenant. */
  static PulseScope tenant() {
    return Tenant.INSTANCE;
  }

  /**
   * The scope a {@link #wireName()} names: {@code team:T}, {@code cohort:C}, {@code org:PATH} or
   * {@code tenant}; the id is everything after the first colon.
   *
   * @throws IllegalArgumentException naming the problem when {@code wireName} is none of these
   */
  static PulseScope parse(String wireName) {
    requireNonNull(wireName, "scope");
    if (wireName.equals("tenant")) {
      return tenant();
    }
    int colon = wireName.indexOf(':');
    String kind = colon < 0 ? wireName : wireName.substring(0, colon);
    String id = colon < 0 ? "" : wireName.substring(colon + 1);
    return switch (kind) {
      case "team" -> team(TeamId.of(id));
      case "cohort" -> cohort(CohortId.of(id));
      case "org" -> org(OrgUnit.of(id));
      default -> throw new IllegalArgumentException(
          "scope must be team:T, cohort:C, org:PATH or tenant, got '" + shorten(wireName) + "'");
    };
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /**
   * The members of a team.
   *
   * @param team the team
   */
  record Team(TeamId team) implements PulseScope {
    /** Validates. */
    public Team {
      requireNonNull(team, "team");
    }

    @Override
    public String wireName() {
      return "team:" + team.value();
    }
  }

  /**
   * The members of a cohort.
   *
   * @param cohort the cohort
   */
  record Cohort(CohortId cohort) implements PulseScope {
    /** Validates. */
    public Cohort {
      requireNonNull(cohort, "cohort");
    }

    @Override
    public String wireName() {
      return "cohort:" + cohort.value();
    }
  }

  /**
   * The members of an org unit and of every unit beneath it.
   *
   * @param unit the org unit
   */
  record Org(OrgUnit unit) implements PulseScope {
    /** Validates. */
    public Org {
      requireNonNull(unit, "unit");
    }

    @Override
    public String wireName() {
      return "org:" + unit.path();
    }
  }

  /** Every member of the tenant. */
  enum Tenant implements PulseScope {
    /** The one value. */
    INSTANCE;

    @Override
    public String wireName() {
      return "tenant";
    }
  }
}
