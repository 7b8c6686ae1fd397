package io.convener.api.model;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person in a tenant, known by a stable pseudonymous id. {@code displayName} and {@code email}
 * are personal data: stores keep them apart and services show them only with the member's consent.
 * Immutable and thread-safe; build one with {@link #builder}.
 *
 * @param id stable pseudonymous id, unique in the tenant
 * @param teams teams the member belongs to, without duplicates
 * @param cohorts cohorts (any grouping: intake year, guild, site), without duplicates
 * @param org the member's org unit, if known
 * @param displayName personal data: the member's name, if given
 * @param email personal data: the member's email address, if given
 * @param skills declared skills or topics, without duplicates
 * @param validFrom when the record's teams, cohorts and org hold from, if given: an instruction of
 *     the upsert that records a move in the membership history (see {@code docs/ingestion.md});
 *     stores do not keep it on the member, so members read back have it empty
 */
public record Member(
    MemberId id,
    List<TeamId> teams,
    List<CohortId> cohorts,
    Optional<OrgUnit> org,
    Optional<String> displayName,
    Optional<String> email,
    List<String> skills,
    Optional<Instant> validFrom) {

  /** Validates and copies every component. */
  public Member {
    requireNonNull(id, "id");
    teams = distinct(requireNonNull(teams, "teams"));
    cohorts = distinct(requireNonNull(cohorts, "cohorts"));
    requireNonNull(org, "org");
    requireNonNull(displayName, "displayName");
    requireNonNull(email, "email");
    skills = distinct(requireNonNull(skills, "skills"));
    requireNonNull(validFrom, "validFrom");
    for (String skill : skills) {
      if (skill.isBlank()) {
        throw new IllegalArgumentException("skills must not be blank");
      }
    }
  }

  /** A member without {@code validFrom}: its membership holds as today's, from the beginning. */
  public Member(MemberId id, List<TeamId> teams, List<CohortId> cohorts, Optional<OrgUnit> org,
      Optional<String> displayName, Optional<String> email, List<String> skills) {
    this(id, teams, cohorts, org, displayName, email, skills, Optional.empty());
  }

  /** Whether the other member has the same teams, cohorts and org (in any order). */
  public boolean sameMembership(Member other) {
    return Set.copyOf(teams).equals(Set.copyOf(other.teams))
        && Set.copyOf(cohorts).equals(Set.copyOf(other.cohorts))
        && org.equals(other.org);
  }

  /**
   * An unmodifiable copy without repeats, first occurrence kept; an unmodifiable list of fewer than
   * two values is its own copy, so members listed from a store can share their common lists.
   */
  private static <T> List<T> distinct(List<T> values) {
    return values.size() < 2 ? List.copyOf(values) : List.copyOf(new LinkedHashSet<>(values));
  }

  /** A member with nothing but an id. */
  public static Member of(MemberId id) {
    return builder(id).build();
  }

  /** A builder for a member with this id. */
  public static Builder builder(MemberId id) {
    return new Builder(id);
  }

  /** Builds a {@link Member}. Not thread-safe. */
  public static final class Builder {
    private final MemberId id;
    private List<TeamId> teams = List.of();
    private List<CohortId> cohorts = List.of();
    private @Nullable OrgUnit org;
    private @Nullable String displayName;
    private @Nullable String email;
    private List<String> skills = List.of();
    private @Nullable Instant validFrom;

    private Builder(MemberId id) {
      this.id = requireNonNull(id, "id");
    }

    /** Teams the member belongs to. */
    public Builder teams(List<TeamId> teams) {
      this.teams = new ArrayList<>(teams);
      return this;
    }

    /** Teams the member belongs to. */
    public Builder teams(TeamId... teams) {
      return teams(List.of(teams));
    }

    /** Cohorts the member belongs to. */
    public Builder cohorts(List<CohortId> cohorts) {
      this.cohorts = new ArrayList<>(cohorts);
      return this;
    }

    /** Cohorts the member belongs to. */
    public Builder cohorts(CohortId... cohorts) {
      return cohorts(List.of(cohorts));
    }

    /** The member's org unit. */
    public Builder org(OrgUnit org) {
      this.org = requireNonNull(org, "org");
      return this;
    }

    /** Personal data: the member's name. */
    public Builder displayName(String displayName) {
      this.displayName = requireNonNull(displayName, "displayName");
      return this;
    }

    /** Personal data: the member's email address. */
    public Builder email(String email) {
      this.email = requireNonNull(email, "email");
      return this;
    }

    /** Declared skills or topics. */
    public Builder skills(List<String> skills) {
      this.skills = new ArrayList<>(skills);
      return this;
    }

    /** Declared skills or topics. */
    public Builder skills(String... skills) {
      return skills(List.of(skills));
    }

    /** When the member's teams, cohorts and org hold from (a move in their membership history). */
    public Builder validFrom(Instant validFrom) {
      this.validFrom = requireNonNull(validFrom, "validFrom");
      return this;
    }

    /** The member. */
    public Member build() {
      return new Member(
          id,
          teams,
          cohorts,
          Optional.ofNullable(org),
          Optional.ofNullable(displayName),
          Optional.ofNullable(email),
          skills,
          Optional.ofNullable(validFrom));
    }
  }
}
