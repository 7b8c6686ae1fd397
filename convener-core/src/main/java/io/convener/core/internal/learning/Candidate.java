package io.convener.core.internal.learning;

import io.convener.api.EventId;
import io.convener.api.TeamId;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One learning artifact that may be in an outcome's lineage, and the evidence found for it as
 * {@link Lineage} walks the outcome's references and the team's applications. Mutable while the
 * lineage is built; lives for one outcome.
 */
final class Candidate {
  final Event artifact;
  final List<Lineage.Weighted> evidence = new ArrayList<>();
  Instant enteredAt;
  boolean explicit;
  boolean referencedApplication;
  boolean appliedInTeam;
  boolean appliedRef;
  double inferred;
  boolean reporter;
  boolean teamAuthor;
  /** Applications by the outcome's team that brought the artifact into the lineage. */
  final List<Event> applications = new ArrayList<>();
  /** One of them names the outcome's team as the team it was applied in. */
  boolean declaredTeam;
  /** The outcome's value improved on the team's previous report after the artifact entered. */
  boolean improvedSince;

  Candidate(Event artifact) {
    this.artifact = artifact;
    this.enteredAt = artifact.at();
  }

  void explicit(@Nullable Event application) {
    explicit = true;
    if (application == null) {
      add(EvidenceRule.EXPLICIT_REF, artifact.id(), "the outcome refers to the artifact");
    } else {
      enter(application.at());
      add(EvidenceRule.EXPLICIT_REF, application.id(),
          "the outcome refers to application " + application.id().value() + ", which refers to the artifact");
    }
  }

  void referencedApplication(Event a) {
    if (!referencedApplication) {
      referencedApplication = true;
      add(EvidenceRule.EXPLICIT_REF, a.id(), "the outcome refers to application " + a.id().value()
          + ", which refers to nothing; the artifact is its likely source");
    }
  }

  void appliedRef(Event a, Set<TeamId> teams, boolean byReporter) {
    enter(a.at());
    appliedRef = true;
    applied(a, teams, byReporter);
    add(EvidenceRule.APPLIED_REF, a.id(), "application " + a.id().value() + " refers to the artifact");
  }

  void inferred(Event a, double j, double strength, Set<TeamId> teams, boolean byReporter) {
    if (strength > inferred) {
      inferred = strength;
      enter(a.at());
      applied(a, teams, byReporter);
      add(EvidenceRule.INFERRED_SOURCE, a.id(), String.format(java.util.Locale.ROOT,
          "application %s refers to nothing; its tags match the artifact's (Jaccard %.2f), published %.1f days"
          + " before it", a.id().value(), j, Duration.between(artifact.at(), a.at()).toSeconds() / 86_400.0));
    }
  }

  private void applied(Event a, Set<TeamId> teams, boolean byReporter) {
    applications.add(a);
    declaredTeam |= a.team().map(teams::contains).orElse(false);
    if (!appliedInTeam) {
      appliedInTeam = true;
      add(EvidenceRule.APPLIER_TEAM, a.id(), "applied by a member of team " + Weights.names(teams));
    }
    if (byReporter && !reporter) {
      reporter = true;
      add(EvidenceRule.REPORTER, a.id(), "the member who reported the outcome applied the artifact");
    }
  }

  /** The outcome improved on the team's previous report, and the artifact entered in between. */
  void improvedSince(Event previous, Event outcome) {
    improvedSince = true;
    add(EvidenceRule.OUTCOME_CHANGE, previous.id(), String.format(java.util.Locale.ROOT,
        "%s improved (%s) from %s in report %s to %s, after the artifact entered the lineage",
        outcome.attrs().string("metric").orElse("the value"), OutcomeDirection.of(outcome.attrs()).wireName(),
        previous.attrs().number("value").getAsDouble(), previous.id().value(),
        outcome.attrs().number("value").getAsDouble()));
  }

  void teamAuthor(boolean isTeamAuthor, Set<TeamId> teams) {
    if (isTeamAuthor && !teamAuthor) {
      teamAuthor = true;
      add(EvidenceRule.TEAM_AUTHOR, artifact.id(), "written by a member of team " + Weights.names(teams));
    }
  }

  private void enter(Instant at) {
    if (at.isAfter(enteredAt)) {
      enteredAt = at;
    }
  }

  private void add(EvidenceRule rule, EventId event, String detail) {
    evidence.add(new Lineage.Weighted(new Evidence(rule, event, detail), 0));
  }
}
