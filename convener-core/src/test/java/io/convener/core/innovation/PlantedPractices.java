package io.convener.core.innovation;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded organisation of 10 to 15 teams over 240 days with known innovations and decoys, for
 * measuring detection. Everyone chats daily with tags from a shared vocabulary in use from day 0,
 * and posts 8% of the time in another team. Planted innovations start with 2 to 4 members of one
 * team between days 65 and 130, stay there 15 to 40 days (sometimes with one stray use elsewhere),
 * then spread to 2 to 6 other teams, one every 3 to 15 days, 1 to 4 members each. Decoys: the
 * shared vocabulary (everyone from the start), org-wide rollouts (6+ teams within 3 days, no
 * origin), local practices (one team's members, who also post elsewhere), near misses (one team
 * and one neighbour), and rare ones (one or two people, posting in several teams). Uses come as
 * message tags, {@code attrs.practice} of learning events, or endorsement tags.
 */
final class PlantedPractices {
  static final Instant AS_OF = Instant.parse("2025-12-01T00:00:00Z");
  static final int DAYS = 240;
  static final Instant START = AS_OF.minus(Duration.ofDays(DAYS));
  private static final List<String> VOCABULARY = List.of("planning", "review", "oncall", "release", "retro",
      "hiring", "design", "testing", "incident", "roadmap", "budget", "security", "docs", "onboarding", "demo",
      "metrics", "support", "refactor", "api", "mobile", "data", "infra", "ux", "perf", "standup");

  /** The organisation, its events in time order, and what is known about each planted tag. */
  record World(List<Member> members, List<Event> events, Set<String> innovations, Set<String> decoys) {}

  private final Random random;
  private final List<List<MemberId>> teams = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final Set<String> innovations = new LinkedHashSet<>();
  private final Set<String> decoys = new LinkedHashSet<>(VOCABULARY);
  private int next;

  private PlantedPractices(long seed) {
    random = new Random(seed);
  }

  /** The world of one seed. */
  static World generate(long seed) {
    PlantedPractices g = new PlantedPractices(seed);
    List<Member> members = g.organisation();
    g.chatter();
    for (int k = 0, n = 5 + g.random.nextInt(4); k < n; k++) {
      g.innovation("practice-" + k);
    }
    for (int k = 0, n = 2 + g.random.nextInt(2); k < n; k++) {
      g.rollout("rollout-" + k);
    }
    for (int k = 0, n = 3 + g.random.nextInt(2); k < n; k++) {
      g.local("local-" + k, k % 2 == 1);
    }
    for (int k = 0, n = 3 + g.random.nextInt(2); k < n; k++) {
      g.rare("rare-" + k);
    }
    g.events.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
    return new World(members, List.copyOf(g.events), Set.copyOf(g.innovations), Set.copyOf(g.decoys));
  }

  private List<Member> organisation() {
    List<Member> members = new ArrayList<>();
    for (int t = 0, n = 10 + random.nextInt(6); t < n; t++) {
      List<MemberId> team = new ArrayList<>();
      for (int i = 0, size = 5 + random.nextInt(6); i < size; i++) {
        MemberId m = MemberId.of("m" + t + "-" + i);
        team.add(m);
        members.add(Member.builder(m).teams(team(t)).build());
      }
      teams.add(team);
    }
    return members;
  }

  private void chatter() {
    for (int t = 0; t < teams.size(); t++) {
      for (MemberId m : teams.get(t)) {
        for (int day = 0; day < DAYS; day++) {
          if (random.nextDouble() < 0.35) {
            use(m, t, day, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
          }
        }
      }
    }
  }

  private void innovation(String tag) {
    innovations.add(tag);
    int origin = random.nextInt(teams.size());
    int start = 65 + random.nextInt(66);
    int lead = 15 + random.nextInt(26);
    List<MemberId> starters = pick(teams.get(origin), 2 + random.nextInt(3));
    use(starters.get(0), origin, start, tag);
    practise(starters, origin, start, DAYS, 0.3, tag);
    if (random.nextDouble() < 0.3) {
      int stray = other(origin);
      use(pick(teams.get(stray), 1).get(0), stray, start + 1 + random.nextInt(lead - 1), tag);
    }
    int day = start + lead;
    List<Integer> order = others(origin);
    for (int i = 0, n = 2 + random.nextInt(5); i < n && day < DAYS; i++) {
      int team = order.get(i);
      List<MemberId> adopters = pick(teams.get(team), 1 + random.nextInt(4));
      use(adopters.get(0), team, day, tag);
      practise(adopters, team, day + 1, DAYS, 0.15, tag);
      day += 3 + random.nextInt(13);
    }
  }

  private void rollout(String tag) {
    decoys.add(tag);
    int day = 70 + random.nextInt(130);
    for (int team : others(-1).subList(0, 6 + random.nextInt(teams.size() - 5))) {
      practise(pick(teams.get(team), 2 + random.nextInt(4)), team, day + random.nextInt(3), DAYS, 0.2, tag);
    }
  }

  private void local(String tag, boolean neighbour) {
    decoys.add(tag);
    int team = random.nextInt(teams.size());
    int day = 65 + random.nextInt(100);
    practise(pick(teams.get(team), 2 + random.nextInt(4)), team, day, DAYS, 0.4, tag);
    if (neighbour) {
      int other = other(team);
      practise(pick(teams.get(other), 2 + random.nextInt(3)), other, day + 20 + random.nextInt(30), DAYS, 0.3, tag);
    }
  }

  private void rare(String tag) {
    decoys.add(tag);
    int day = 65 + random.nextInt(100);
    for (int p = 0, n = 1 + random.nextInt(2); p < n; p++) {
      int team = random.nextInt(teams.size());
      practise(pick(teams.get(team), 1), team, day + p * 20, Math.min(DAYS, day + 120), 0.2, tag);
    }
  }

  /** Each member uses the tag on a share of the days in [from, until). */
  private void practise(List<MemberId> members, int team, int from, int until, double share, String tag) {
    for (MemberId m : members) {
      for (int day = from; day < until; day++) {
        if (random.nextDouble() < share) {
          use(m, team, day, tag);
        }
      }
    }
  }

  /** One use; 8% of the time posted in another team, as message tag, learning practice or endorsement. */
  private void use(MemberId actor, int team, int day, String tag) {
    if (day >= DAYS) {
      return;
    }
    int where = random.nextDouble() < 0.08 ? other(team) : team;
    Instant at = START.plus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400));
    EventId id = EventId.of("e" + next++);
    double form = random.nextDouble();
    Event.Builder b;
    if (form < 0.8) {
      b = Event.builder(id, at, EventKind.MESSAGE, actor).tags(tag);
    } else if (form < 0.9) {
      b = Event.builder(id, at, EventKind.LEARNING, actor).attrs(Attrs.of(Map.of("practice", tag)));
    } else {
      MemberId target = pick(teams.get(where), 1).get(0);
      b = Event.builder(id, at, EventKind.ENDORSEMENT, actor).targets(target).tags(tag);
    }
    events.add(b.team(team(where)).build());
  }

  private List<MemberId> pick(List<MemberId> from, int n) {
    List<MemberId> copy = new ArrayList<>(from);
    Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  private List<Integer> others(int except) {
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < teams.size(); t++) {
      if (t != except) {
        order.add(t);
      }
    }
    Collections.shuffle(order, random);
    return order;
  }

  private int other(int team) {
    return others(team).get(0);
  }

  private static TeamId team(int t) {
    return TeamId.of(String.format("team-%02d", t));
  }
}
