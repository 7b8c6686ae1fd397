package io.convener.testing.synthetic;

import io.convener.api.model.EventKind;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans the collaboration events: what a member starts (messages, mentions, reviews, meetings,
 * endorsements) and what it causes (replies after minutes to hours, or none; reactions). Most
 * interactions stay in the member's team; connectors reach into the teams they bridge, and
 * everyone else strays outside now and then. Not thread-safe; not API.
 */
final class Collaboration {
  private static final EventKind[] KINDS = {
    EventKind.MESSAGE, EventKind.MENTION, EventKind.REVIEW, EventKind.MEETING,
    EventKind.ENDORSEMENT, EventKind.LEARNING, EventKind.APPLIED, EventKind.INNOVATION};
  private static final double[] CUMULATIVE = cumulative(0.55, 0.12, 0.10, 0.09, 0.045, 0.04, 0.035, 0.003);

  /** How often a member addressing someone in a team picks a connector who bridges into it. */
  private static final double BRIDGER_SHARE = 0.06;

  private final EventSimulation sim;
  private final Blueprint bp;
  private final Rng rng;

  Collaboration(EventSimulation sim) {
    this.sim = sim;
    this.bp = sim.bp;
    this.rng = sim.rng;
  }

  /** Plans one action that member {@code m} starts at {@code at}, and its consequences. */
  void initiate(int m, long at) {
    switch (KINDS[rng.weighted(CUMULATIVE)]) {
      case LEARNING -> sim.knowledge().learning(m, at);
      case APPLIED -> sim.knowledge().applied(m, at);
      case INNOVATION -> sim.knowledge().innovation(m, at);
      case MENTION -> mention(m, at, context(m));
      case REVIEW -> review(m, at, context(m));
      case MEETING -> meeting(m, at, context(m));
      case ENDORSEMENT -> endorsement(m, at, context(m));
      default -> message(m, at, context(m));
    }
  }

  /** The team where the action happens: home mostly, a bridged or nearby team sometimes. */
  private int context(int m) {
    int home = bp.homeTeam[m];
    if (bp.bridges[m].length > 0 && rng.chance(TeamDesigner.CONNECTOR_REACH)) {
      return rng.pick(bp.bridges[m]);
    }
    if (bp.teamCount() > 1 && rng.chance(bp.settings.crossTeamShare())) {
      int[] near = bp.neighbours[home];
      if (near.length > 0 && rng.chance(0.5)) {
        return rng.pick(near);
      }
      int other = rng.nextInt(bp.teamCount() - 1);
      return other >= home ? other + 1 : other;
    }
    return home;
  }

  void message(int m, long at, int team) {
    Draft msg = sim.draft(at, EventKind.MESSAGE, m);
    msg.team = team;
    int addressee = rng.chance(0.4) ? pickTarget(team, m) : -1;
    if (addressee >= 0) {
      msg.targets = new int[] {addressee};
    }
    if (rng.chance(0.85)) {
      msg.sentiment = sentiment(m, team);
    }
    msg.attrs = Map.of("channel", addressee >= 0 ? "direct" : "team");
    if (!sim.schedule(msg)) {
      return;
    }
    answer(msg, team, addressee);
    react(msg, team);
  }

  private void answer(Draft msg, int team, int addressee) {
    double p = Math.min(0.97,
        bp.profile[team].responsiveness() * bp.trend(team, msg.at) * (addressee >= 0 ? 1.1 : 0.95));
    int first = addressee >= 0 ? addressee : channelResponder(team, msg.actor, msg.at);
    if (first < 0 || !rng.chance(p)) {
      return;
    }
    Draft answer = reply(first, msg, msg.actor, msg.at);
    if (answer == null) {
      return;
    }
    if (rng.chance(0.35)) {
      reply(msg.actor, msg, first, answer.at);
    }
    if (addressee < 0 && rng.chance(0.3 * p)) {
      int second = channelResponder(team, msg.actor, msg.at);
      if (second >= 0 && second != first) {
        reply(second, msg, msg.actor, msg.at);
      }
    }
  }

  /** Who answers a team-channel post: a teammate who speaks up, now and then a bridging connector. */
  private int channelResponder(int team, int author, long at) {
    int[] bridgers = bp.bridgers[team];
    if (bridgers.length > 0 && rng.chance(0.12)) {
      int c = rng.pick(bridgers);
      return c != author && bp.activeAt(c, at) ? c : -1;
    }
    return pickSpeaker(team, author, at);
  }

  private @Nullable Draft reply(int responder, Draft msg, int to, long after) {
    long latency = Math.max(20, (long) rng.lognormal(1_200, 1.4));
    long at = Timeline.nextWorking(bp.site[responder], after + latency, rng);
    if (!bp.activeAt(responder, at)) {
      return null;
    }
    Draft reply = sim.draft(at, EventKind.REPLY, responder);
    reply.targets = new int[] {to};
    reply.team = msg.team;
    reply.refs = new Draft[] {msg};
    if (rng.chance(0.85)) {
      reply.sentiment = sentiment(responder, msg.team);
    }
    return sim.schedule(reply) ? reply : null;
  }

  private void react(Draft msg, int team) {
    for (int k = rng.poisson(0.6 * bp.trend(team, msg.at)); k > 0; k--) {
      int reactor = pickSpeaker(team, msg.actor, msg.at);
      if (reactor < 0) {
        continue;
      }
      long at = Timeline.nextWorking(bp.site[reactor], msg.at + Math.max(10, (long) rng.lognormal(900, 1.2)), rng);
      if (!bp.activeAt(reactor, at)) {
        continue;
      }
      Draft reaction = sim.draft(at, EventKind.REACTION, reactor);
      reaction.targets = new int[] {msg.actor};
      reaction.team = team;
      reaction.refs = new Draft[] {msg};
      reaction.weight = 0.5;
      reaction.sentiment = clampRound(0.45 + 0.5 * bp.profile[team].sentimentMean() + 0.25 * rng.gaussian());
      reaction.attrs = Map.of("emoji", rng.pick(Vocabulary.REACTIONS));
      sim.schedule(reaction);
    }
  }

  private void mention(int m, long at, int team) {
    int[] targets = pickDistinct(team, m, rng.chance(0.75) ? 1 : 2);
    if (targets.length == 0) {
      return;
    }
    Draft d = sim.draft(at, EventKind.MENTION, m);
    d.targets = targets;
    d.team = team;
    if (rng.chance(0.85)) {
      d.sentiment = sentiment(m, team);
    }
    sim.schedule(d);
  }

  private void review(int m, long at, int team) {
    int[] targets = pickDistinct(team, m, rng.chance(0.85) ? 1 : 2);
    if (targets.length == 0) {
      return;
    }
    Draft d = sim.draft(at, EventKind.REVIEW, m);
    d.targets = targets;
    d.team = team;
    if (rng.chance(0.7)) {
      d.sentiment = sentiment(m, team);
    }
    if (rng.chance(0.6)) {
      d.tags = List.of(rng.pick(bp.members.get(m).skills()));
    }
    d.attrs = Map.of("verdict", rng.pick(Vocabulary.VERDICTS));
    sim.schedule(d);
  }

  private void meeting(int m, long at, int team) {
    int size = Math.min(bp.teamMembers[team].length - 1, rng.between(2, 6));
    int[] targets = pickDistinct(team, m, size);
    if (team != bp.homeTeam[m]) {
      int colleague = pickTarget(bp.homeTeam[m], m);
      if (colleague >= 0) {
        targets = Arrays.copyOf(targets, targets.length + 1);
        targets[targets.length - 1] = colleague;
      }
    }
    if (targets.length == 0) {
      return;
    }
    long halfHour = Timeline.HOUR / 2;
    long start = Math.max(sim.dayStart(), at - Math.floorMod(at, halfHour));
    double u = rng.nextDouble();
    int minutes = u < 0.5 ? 30 : u < 0.85 ? 60 : u < 0.95 ? 90 : 120;
    Draft d = sim.draft(start, EventKind.MEETING, m);
    d.targets = targets;
    d.team = team;
    d.weight = minutes / 30.0;
    d.attrs = Map.of("durationMinutes", minutes);
    sim.schedule(d);
  }

  private void endorsement(int m, long at, int team) {
    int target = pickTarget(team, m);
    if (target < 0) {
      return;
    }
    List<String> skills = bp.members.get(target).skills();
    Set<String> tags = new LinkedHashSet<>();
    tags.add(rng.pick(skills));
    if (rng.chance(0.4)) {
      tags.add(rng.pick(skills));
    }
    Draft d = sim.draft(at, EventKind.ENDORSEMENT, m);
    d.targets = new int[] {target};
    d.team = team;
    d.tags = List.copyOf(tags);
    sim.schedule(d);
  }

  /**
   * A member of the team other than {@code exclude}, weighted by how often people address them, or
   * now and then a connector who bridges into the team; -1 if none.
   */
  int pickTarget(int team, int exclude) {
    int[] bridgers = bp.bridgers[team];
    if (bridgers.length > 0 && rng.chance(BRIDGER_SHARE)) {
      int c = rng.pick(bridgers);
      if (c != exclude) {
        return c;
      }
    }
    int[] members = bp.teamMembers[team];
    for (int tries = 0; tries < 6; tries++) {
      int m = members[rng.weighted(bp.cumulativePopularity[team])];
      if (m != exclude) {
        return m;
      }
    }
    return -1;
  }

  /** A member of the team who speaks up at {@code at}, weighted by activity, not {@code exclude}; -1 if none. */
  int pickSpeaker(int team, int exclude, long at) {
    int[] members = bp.teamMembers[team];
    for (int tries = 0; tries < 6; tries++) {
      int m = members[rng.weighted(bp.cumulativeRate[team])];
      if (m != exclude) {
        return bp.activeAt(m, at) ? m : -1;
      }
    }
    return -1;
  }

  private int[] pickDistinct(int team, int exclude, int wanted) {
    Set<Integer> chosen = new LinkedHashSet<>();
    for (int tries = 0; chosen.size() < wanted && tries < 3 * wanted + 3; tries++) {
      int m = pickTarget(team, exclude);
      if (m >= 0) {
        chosen.add(m);
      }
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A sentiment for the member speaking in the team: the team's mean, the member's bias, noise. */
  private double sentiment(int m, int team) {
    return clampRound(bp.profile[team].sentimentMean() + bp.sentimentBias[m] + 0.3 * rng.gaussian());
  }

  private static double clampRound(double x) {
    return Math.round(Math.max(-1, Math.min(1, x)) * 100) / 100.0;
  }

  private static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }
}
