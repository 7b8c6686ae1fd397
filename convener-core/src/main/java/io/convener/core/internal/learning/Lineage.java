package io.convener.core.internal.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.learning.Evidence;
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
public final class Lineage {
  /** How far before an outcome evidence is looked for. */
  public static final Duration LOOKBACK = Duration.ofDays(90);
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
  public static List<Touch> touches(LineageIndex index, Event outcome) {
    return touches(index, outcome, Weights.WEIGHTS);
  }

  /** The touches of {@code outcome} under evidence weights {@code w} (in {@link Features} order). */
  static List<Touch> touches(LineageIndex index, Event outcome, double[] w) {
    List<Touch> touches = new ArrayList<>();
    for (Scored s : candidates(index, outcome)) {
      Touch t = Weights.score(s.candidate(), outcome, s.features(), w);
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

  /** Evidence with the log-odds it added, for ordering. */
  record Weighted(Evidence evidence, double weight) {}
}
