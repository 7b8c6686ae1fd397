package io.convener.core.innovation;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded organisation of 30 teams of 3 members whose innovation spreads with known hazards. Teams
 * fall into 6 collaboration clusters (members meet their cluster 12 times as often as other teams)
 * and, independently, 6 work clusters (70% of a team's tags come from its work cluster's 5 terms,
 * the rest from a vocabulary everyone uses). The innovation starts on day 60 in one team; each day
 * a team that has not adopted it adopts with probability {@code 0.0005 + 0.03·net + 0.03·work},
 * where {@code net} is the share of its planted collaboration rate that goes to adopting teams and
 * {@code work} the share of its work cluster that adopted. The cut-off {@code T} is the day of the
 * 4th adoption (at most day 150); adoptions in the {@value #HORIZON} days after it are the answers
 * to find.
 */
final class PlantedReplication {
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  static final int TEAMS = 30;
  static final int CLUSTERS = 6;
  static final int HORIZON = 30;
  private static final int DAYS = 181;
  private static final int INNOVATION_DAY = 60;
  private static final double NEAR = 1.0;
  private static final double FAR = 1.0 / 12;
  private static final List<String> COMMON = List.of("planning", "review", "oncall", "release", "retro",
      "design", "testing", "docs", "support", "standup");

  /**
   * The world: members, all events in time order, the cut-off, the adoption day of each team, and
   * the planted hazard at the cut-off of each team that had not adopted (the oracle's ranking).
   */
  record World(List<Member> members, List<Event> events, EventId innovation, TeamId origin, Instant cutoff,
      Map<TeamId, Integer> adoptedOn, Map<TeamId, Double> hazardAtCutoff) {}

  private final Random random;
  private final int[] net = new int[TEAMS];
  private final int[] work = new int[TEAMS];
  private final List<Event> events = new ArrayList<>();
  private int next;

  private PlantedReplication(long seed) {
    random = new Random(seed);
  }

  /** The world of one seed. */
  static World generate(long seed) {
    return new PlantedReplication(seed).world();
  }

  private World world() {
    partition(net);
    partition(work);
    List<Member> members = new ArrayList<>();
    for (int t = 0; t < TEAMS; t++) {
      for (int i = 0; i < 3; i++) {
        members.add(Member.builder(member(t, i)).teams(team(t)).build());
      }
    }
    for (int day = 0; day < DAYS; day++) {
      background(day);
    }
    int origin = random.nextInt(TEAMS);
    EventId innovation = EventId.of("innovation-1");
    events.add(Event.builder(innovation, at(INNOVATION_DAY), EventKind.INNOVATION, member(origin, 0))
        .team(team(origin)).build());
    Map<TeamId, Integer> adoptedOn = spread(origin, innovation);
    List<Integer> days = adoptedOn.values().stream().sorted().toList();
    int cutoff = days.size() >= 4 ? Math.min(days.get(3), 150) : 150;
    events.sort(Comparator.comparing(Event::at));
    return new World(members, List.copyOf(events), innovation, team(origin), at(cutoff).plusSeconds(86_399),
        adoptedOn, hazards(origin, adoptedOn, cutoff));
  }

  private void partition(int[] of) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, TEAMS).boxed().toList());
    Collections.shuffle(order, random);
    for (int i = 0; i < TEAMS; i++) {
      of[order.get(i)] = i % CLUSTERS;
    }
  }

  private double rate(int a, int b) {
    return a == b ? 0 : net[a] == net[b] ? NEAR : FAR;
  }

  private void background(int day) {
    for (int k = 0; k < 14; k++) {
      int a = random.nextInt(TEAMS);
      double total = IntStream.range(0, TEAMS).mapToDouble(b -> rate(a, b)).sum();
      double pick = random.nextDouble() * total;
      int b = 0;
      while (b < TEAMS - 1 && (pick -= rate(a, b)) > 0) {
        b++;
      }
      b = rate(a, b) == 0 ? (a + 1) % TEAMS : b;
      events.add(Event.builder(id(), at(day).plusSeconds(k * 600L), k % 2 == 0 ? EventKind.MEETING : EventKind.MESSAGE,
          member(a, random.nextInt(3))).team(team(a)).targets(member(b, random.nextInt(3))).build());
    }
    for (int k = 0; k < 8; k++) {
      int a = random.nextInt(TEAMS);
      String tag = random.nextDouble() < 0.7 ? "w" + work[a] + "-" + random.nextInt(5)
          : COMMON.get(random.nextInt(COMMON.size()));
      events.add(Event.builder(id(), at(day).plusSeconds(30_000L + k * 600L), EventKind.MESSAGE,
          member(a, random.nextInt(3))).team(team(a)).tags(tag).build());
    }
  }

  private Map<TeamId, Integer> spread(int origin, EventId innovation) {
    boolean[] has = new boolean[TEAMS];
    has[origin] = true;
    Map<TeamId, Integer> adoptedOn = new LinkedHashMap<>();
    for (int day = INNOVATION_DAY + 1; day < DAYS; day++) {
      boolean[] now = has.clone();
      for (int c = 0; c < TEAMS; c++) {
        if (has[c]) {
          continue;
        }
        double hazard = hazard(c, has);
        if (random.nextDouble() < hazard) {
          now[c] = true;
          adoptedOn.put(team(c), day);
          events.add(Event.builder(id(), at(day).plusSeconds(40_000), EventKind.ADOPTION, member(c, random.nextInt(3)))
              .team(team(c)).refs(innovation).build());
        }
      }
      has = now;
    }
    return adoptedOn;
  }

  /** The planted daily adoption probability of team {@code c} given who has adopted. */
  private double hazard(int c, boolean[] has) {
    double toAdopters = 0;
    double total = 0;
    int sameWork = 0;
    int workAdopted = 0;
    for (int b = 0; b < TEAMS; b++) {
      total += rate(c, b);
      toAdopters += has[b] ? rate(c, b) : 0;
      if (b != c && work[b] == work[c]) {
        sameWork++;
        workAdopted += has[b] ? 1 : 0;
      }
    }
    return 0.0005 + 0.03 * toAdopters / total + 0.03 * workAdopted / Math.max(1, sameWork);
  }

  /** The planted hazard of each team that had not adopted by {@code cutoff}. */
  private Map<TeamId, Double> hazards(int origin, Map<TeamId, Integer> adoptedOn, int cutoff) {
    boolean[] has = new boolean[TEAMS];
    has[origin] = true;
    for (int t = 0; t < TEAMS; t++) {
      Integer day = adoptedOn.get(team(t));
      has[t] |= day != null && day <= cutoff;
    }
    Map<TeamId, Double> out = new LinkedHashMap<>();
    for (int t = 0; t < TEAMS; t++) {
      if (!has[t]) {
        out.put(team(t), hazard(t, has));
      }
    }
    return out;
  }

  private EventId id() {
    return EventId.of("e" + next++);
  }

  static TeamId team(int t) {
    return TeamId.of(String.format("team-%02d", t));
  }

  private static MemberId member(int t, int i) {
    return MemberId.of(String.format("m%02d-%d", t, i));
  }

  private static Instant at(int day) {
    return START.plus(Duration.ofDays(day));
  }
}
