package io.convener.testing.synthetic;

import io.convener.api.model.EventKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans learning and innovation: learning artifacts, their reuse (often by another team),
 * outcomes that name some of what produced them, innovations and the cascade of teams that adopt
 * each one. Not thread-safe; not API.
 */
final class Knowledge {
  private static final int MAX_ADOPTIONS = 40;
  private static final int MAX_DEPTH = 5;

  private final EventSimulation sim;
  private final Collaboration collaboration;
  private final Blueprint bp;
  private final Rng rng;

  Knowledge(EventSimulation sim, Collaboration collaboration) {
    this.sim = sim;
    this.collaboration = collaboration;
    this.bp = sim.bp;
    this.rng = sim.rng;
  }

  void learning(int m, long at) {
    String format = rng.pick(Vocabulary.LEARNING_FORMATS);
    Draft d = sim.draft(at, EventKind.LEARNING, m);
    d.team = bp.homeTeam[m];
    d.tags = someSkills(m, rng.between(1, 3));
    d.attrs = Map.of("format", format, "title", format + ": " + d.tags.get(0));
    sim.schedule(d);
  }

  /** Applies one or two earlier learning artifacts, from the member's team or, often, another. */
  void applied(int m, long at) {
    int home = bp.homeTeam[m];
    int source = -1;
    if (!sim.learningPool.get(home).isEmpty() && rng.chance(0.65)) {
      source = home;
    }
    for (int tries = 0; source < 0 && tries < 4; tries++) {
      int[] near = bp.bridges[m].length > 0 && rng.chance(0.5) ? bp.bridges[m] : bp.neighbours[home];
      int t = near.length > 0 && rng.chance(0.7) ? rng.pick(near) : rng.nextInt(bp.teamCount());
      if (!sim.learningPool.get(t).isEmpty()) {
        source = t;
      }
    }
    if (source < 0 && !sim.learningPool.get(home).isEmpty()) {
      source = home;
    }
    if (source < 0) {
      collaboration.message(m, at, home);
      return;
    }
    Draft[] pool = sim.learningPool.get(source).toArray(new Draft[0]);
    Set<Draft> refs = new LinkedHashSet<>();
    int wanted = Math.min(pool.length, rng.chance(0.7) ? 1 : 2);
    while (refs.size() < wanted) {
      refs.add(pool[rng.nextInt(pool.length)]);
    }
    Set<String> tags = new LinkedHashSet<>();
    for (Draft r : refs) {
      tags.addAll(r.tags);
    }
    Draft d = sim.draft(at, EventKind.APPLIED, m);
    d.team = home;
    d.refs = refs.toArray(new Draft[0]);
    d.tags = List.copyOf(tags).subList(0, Math.min(3, tags.size()));
    sim.schedule(d);
  }

  /** The team lead reports a result; its refs are what the team learned or applied lately, or not. */
  void outcome(int team, long at) {
    int lead = bp.teamMembers[team][0];
    if (!bp.activeAt(lead, at)) {
      return;
    }
    ArrayDeque<Draft> pool = sim.outcomePool.get(team);
    int available = pool.size();
    List<Draft> refs = new ArrayList<>();
    double u = rng.nextDouble();
    for (Draft r : pool) {
      if (u >= 0.4 || (u >= 0.2 && rng.chance(0.5))) {
        refs.add(r);
      }
    }
    pool.clear();
    double value = 50 + 4.5 * available + 4 * rng.gaussian();
    Draft d = sim.draft(at, EventKind.OUTCOME, lead);
    d.team = team;
    d.refs = refs.toArray(new Draft[0]);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("metric", rng.pick(bp.division[team].metrics()));
    attrs.put("value", Math.round(value * 10) / 10.0);
    d.attrs = attrs;
    sim.schedule(d);
  }

  /** Flags a new practice; teams nearby adopt it over the following days and weeks, or not. */
  void innovation(int m, long at) {
    int home = bp.homeTeam[m];
    Draft origin = sim.draft(at, EventKind.INNOVATION, m);
    origin.team = home;
    origin.tags = someSkills(m, rng.between(1, 2));
    origin.attrs = Map.of("title", Vocabulary.practice(rng));
    if (!sim.schedule(origin)) {
      return;
    }
    double virality = Math.min(0.6, rng.lognormal(0.12, 0.8));
    if (rng.chance(0.7)) {
      adopt(origin, home, -1, at, 1.5);
    }
    Set<Integer> adopted = new HashSet<>();
    adopted.add(home);
    ArrayDeque<long[]> frontier = new ArrayDeque<>();
    frontier.add(new long[] {home, at, 0});
    int adoptions = 0;
    while (!frontier.isEmpty() && adoptions < MAX_ADOPTIONS) {
      long[] node = frontier.poll();
      int from = (int) node[0];
      if (node[2] >= MAX_DEPTH) {
        continue;
      }
      for (int t : bp.neighbours[from]) {
        if (adopted.contains(t) || !rng.chance(virality)) {
          continue;
        }
        Draft adoption = adopt(origin, t, from, node[1], 5);
        if (adoption != null) {
          adopted.add(t);
          adoptions++;
          frontier.add(new long[] {t, adoption.at, node[2] + 1});
        }
      }
    }
  }

  /** Team {@code team} adopts the innovation, learned from team {@code from} (-1: its own), some days after. */
  private @Nullable Draft adopt(Draft origin, int team, int from, long after, double medianDays) {
    long delay = Math.max(Timeline.HOUR, (long) (rng.lognormal(medianDays, 0.6) * Timeline.DAY));
    long guess = after + delay;
    int adopter = collaboration.pickSpeaker(team, origin.actor, guess);
    if (adopter < 0) {
      return null;
    }
    long at = Timeline.nextWorking(bp.site[adopter], guess, rng);
    if (!bp.activeAt(adopter, at)) {
      return null;
    }
    Draft d = sim.draft(at, EventKind.ADOPTION, adopter);
    d.team = team;
    d.refs = new Draft[] {origin};
    if (from >= 0 && from != team && rng.chance(0.7)) {
      d.attrs = Map.of("fromTeam", bp.teamIds[from].value());
    }
    return sim.schedule(d) ? d : null;
  }

  private List<String> someSkills(int m, int count) {
    List<String> skills = bp.members.get(m).skills();
    Set<String> chosen = new LinkedHashSet<>();
    for (int tries = 0; chosen.size() < Math.min(count, skills.size()) && tries < 10; tries++) {
      chosen.add(rng.pick(skills));
    }
    return List.copyOf(chosen);
  }
}
