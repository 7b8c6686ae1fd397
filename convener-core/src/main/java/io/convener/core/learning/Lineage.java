package io.convener.core.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.learning.Evidence;
import io.convener.api.learning.EvidenceRule;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the touches of one outcome: the learning artifacts in its lineage, each with a probability
 * from its evidence. Explicit references come first (the outcome refers to the artifact, or to an
 * application that refers to it); then, inside the {@link #LOOKBACK} before the outcome,
 * applications by members of the outcome's team (and the artifacts they refer to, or, when they
 * refer to nothing, the artifacts whose tags match theirs), artifacts written by the team, and
 * artifacts whose tags match the outcome's. Each candidate's evidence adds to a log-odds score
 * ({@link Weights}); the probability is its logistic. Candidates under {@link #MIN_PROBABILITY}
 * are dropped and at most {@link #MAX_TOUCHES} are kept, the most probable. Stateless.
 */
final class Lineage {
  /** How far before an outcome evidence is looked for. */
  static final Duration LOOKBACK = Duration.ofDays(90);
  /** Candidates less probable than this are not touches. */
  static final double MIN_PROBABILITY = 0.1;
  /** At most this many touches per outcome (the Shapley model enumerates 2^n coalitions). */
  static final int MAX_TOUCHES = 12;
  /** How far before an outcome a mention of an author counts. */
  static final Duration MENTION_WINDOW = Duration.ofDays(30);
  /** The scale of time proximity: evidence halves for every week between touch and outcome. */
  static final Duration PROXIMITY_HALF_LIFE = Duration.ofDays(7);

  private Lineage() {}

  /** The touches of {@code outcome}, ordered by when they entered the lineage, then artifact id. */
  static List<Touch> touches(LineageIndex index, Event outcome) {
    List<Touch> touches = new ArrayList<>();
    for (Scored s : candidates(index, outcome)) {
      Touch t = Weights.score(s.candidate(), outcome, s.features());
      if (t.probability() >= MIN_PROBABILITY) {
        touches.add(t);
      }
    }
    touches.sort(Comparator.comparingDouble(Touch::probability).reversed().thenComparing(Touch::artifact));
    List<Touch> kept = new ArrayList<>(touches.subList(0, Math.min(MAX_TOUCHES, touches.size())));
    kept.sort(Comparator.comparing(Touch::enteredAt).thenComparing(Touch::artifact));
    return kept;
  }

  /** Every candidate of {@code outcome} with its {@link Features}, before any is dropped. */
  static List<Scored> candidates(LineageIndex index, Event outcome) {
    Instant start = outcome.at().minus(LOOKBACK);
    Set<TeamId> teams = outcomeTeams(index, outcome);
    Map<EventId, Candidate> found = new LinkedHashMap<>();
    explicit(index, outcome, found);
    for (Event a : index.applicationsBetween(start, outcome.at())) {
      if (inTeam(index, a, teams)) {
        applied(index, outcome, a, teams, found);
      }
    }
    for (Event l : index.learningsBetween(start, outcome.at())) {
      boolean teamAuthor = index.teamsOf(l.actor()).stream().anyMatch(teams::contains);
      if (teamAuthor || Weights.jaccard(l.tags(), outcome.tags()) > 0) {
        Candidate c = found.computeIfAbsent(l.id(), id -> new Candidate(l));
        c.teamAuthor(teamAuthor, teams);
      }
    }
    Set<MemberId> mentioned = mentioned(index, outcome, teams);
    boolean referenced = found.values().stream().anyMatch(c -> c.explicit || c.referencedApplication);
    index.previousReport(outcome, start).ifPresent(previous -> {
      double improvement = OutcomeDirection.of(outcome.attrs()).improvement(
          previous.attrs().number("value").getAsDouble(), outcome.attrs().number("value").getAsDouble());
      if (improvement > 0) {
        found.values().stream().filter(c -> c.enteredAt.isAfter(previous.at()))
            .forEach(c -> c.improvedSince(previous, outcome));
      }
    });
    List<Scored> out = new ArrayList<>(found.size());
    for (Candidate c : found.values()) {
      out.add(new Scored(c, Features.of(index, c, outcome, mentioned.contains(c.artifact.actor()), referenced)));
    }
    return out;
  }

  /** A candidate and its features. */
  record Scored(Candidate candidate, double[] features) {}

  private static void explicit(LineageIndex index, Event outcome, Map<EventId, Candidate> found) {
    for (EventId ref : outcome.refs()) {
      Event e = index.event(ref).orElse(null);
      if (e == null || e.at().isAfter(outcome.at())) {
        continue;
      }
      if (e.kind() == EventKind.LEARNING) {
        found.computeIfAbsent(e.id(), id -> new Candidate(e)).explicit(null);
      } else if (e.kind() == EventKind.APPLIED) {
        boolean resolved = false;
        for (EventId r : e.refs()) {
          Event l = index.learning(r).filter(x -> !x.at().isAfter(e.at())).orElse(null);
          if (l != null) {
            found.computeIfAbsent(l.id(), id -> new Candidate(l)).explicit(e);
            resolved = true;
          }
        }
        if (!resolved) {
          // The outcome names an application that names nothing: infer its source, one step removed.
          inferSources(index, outcome, e, outcomeTeams(index, outcome), found, true);
        }
      }
    }
  }

  private static void applied(LineageIndex index, Event outcome, Event a, Set<TeamId> teams,
      Map<EventId, Candidate> found) {
    boolean reporter = a.actor().equals(outcome.actor());
    List<Event> referred = new ArrayList<>();
    for (EventId r : a.refs()) {
      index.learning(r).filter(l -> !l.at().isAfter(a.at())).ifPresent(referred::add);
    }
    if (!referred.isEmpty()) {
      for (Event l : referred) {
        found.computeIfAbsent(l.id(), id -> new Candidate(l)).appliedRef(a, teams, reporter);
      }
      return;
    }
    inferSources(index, outcome, a, teams, found, false);
  }

  /** An application that refers to nothing: its source is likely an earlier artifact with its tags. */
  private static void inferSources(LineageIndex index, Event outcome, Event a, Set<TeamId> teams,
      Map<EventId, Candidate> found, boolean referenced) {
    boolean reporter = a.actor().equals(outcome.actor());
    for (Event l : index.learningsBetween(a.at().minus(LOOKBACK), a.at())) {
      double j = Weights.jaccard(l.tags(), a.tags());
      if (j > 0) {
        double gapDays = Duration.between(l.at(), a.at()).toSeconds() / 86_400.0;
        double strength = j * Math.pow(2, -gapDays / PROXIMITY_HALF_LIFE.toDays());
        Candidate c = found.computeIfAbsent(l.id(), id -> new Candidate(l));
        c.inferred(a, j, strength, teams, reporter && inTeam(index, a, teams));
        if (referenced) {
          c.referencedApplication(a);
        }
      }
    }
  }

  private static Set<TeamId> outcomeTeams(LineageIndex index, Event outcome) {
    return outcome.team().map(Set::of).orElseGet(() -> Set.copyOf(index.teamsOf(outcome.actor())));
  }

  private static boolean inTeam(LineageIndex index, Event a, Set<TeamId> teams) {
    return a.team().map(teams::contains).orElse(false)
        || index.teamsOf(a.actor()).stream().anyMatch(teams::contains);
  }

  /** Who the outcome, or a member of its team in the {@link #MENTION_WINDOW} before it, mentioned. */
  private static Set<MemberId> mentioned(LineageIndex index, Event outcome, Set<TeamId> teams) {
    Set<MemberId> mentioned = new HashSet<>(outcome.targets());
    for (Event m : index.mentionsBetween(outcome.at().minus(MENTION_WINDOW), outcome.at())) {
      if (m.actor().equals(outcome.actor()) || index.teamsOf(m.actor()).stream().anyMatch(teams::contains)) {
        mentioned.addAll(m.targets());
      }
    }
    return mentioned;
  }

  /** Builds one candidate's evidence. */
  static final class Candidate {
    final Event artifact;
    final List<Weighted> evidence = new ArrayList<>();
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
      evidence.add(new Weighted(new Evidence(rule, event, detail), 0));
    }
  }

  /** Evidence with the log-odds it added, for ordering. */
  record Weighted(Evidence evidence, double weight) {}
}
