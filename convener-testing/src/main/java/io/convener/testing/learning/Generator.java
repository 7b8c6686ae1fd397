package io.convener.testing.learning;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Plans the stories of a {@link LearningScenario}: per outcome, one true learning artifact, its
 * application by the outcome's team, the outcome, and the noise around them. Times are epoch
 * seconds. Not thread-safe; not API.
 */
final class Generator {
  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;
  private static final long SPAN = 365 * DAY;
  private static final List<String> TOPICS = List.of(
      "kubernetes", "observability", "testing", "ci", "security", "caching", "sql", "kafka", "react",
      "accessibility", "api-design", "performance", "onboarding", "incident-response", "feature-flags",
      "ml-ops", "docs", "pairing", "code-review", "chaos", "data-quality", "mobile", "search", "billing");

  private final LearningScenario.Builder b;
  private final SplittableRandom rng;
  private final int memberCount;
  private final List<List<Integer>> teamMembers = new ArrayList<>();
  private final List<Set<Integer>> memberTeams = new ArrayList<>();
  private final List<Story> all = new ArrayList<>();
  private final List<Story> learnings = new ArrayList<>();

  Generator(LearningScenario.Builder b) {
    this.b = b;
    this.rng = new SplittableRandom(b.seed);
    this.memberCount = b.teams * b.teamSize;
    for (int t = 0; t < b.teams; t++) {
      teamMembers.add(new ArrayList<>());
    }
    double multi = 0.1 + 0.3 * b.noise;
    for (int m = 0; m < memberCount; m++) {
      Set<Integer> teams = new LinkedHashSet<>();
      teams.add(m / b.teamSize);
      if (m % b.teamSize != 0 && rng.nextDouble() < multi) {
        teams.add(rng.nextInt(b.teams));
      }
      memberTeams.add(teams);
      for (int t : teams) {
        teamMembers.get(t).add(m);
      }
    }
  }

  MemberId member(int m) {
    return MemberId.of(String.format("m%03d", m));
  }

  List<Member> members() {
    List<Member> out = new ArrayList<>();
    for (int m = 0; m < memberCount; m++) {
      out.add(Member.builder(member(m)).teams(memberTeams.get(m).stream().map(Generator::team).toList()).build());
    }
    return out;
  }

  private static TeamId team(int t) {
    return TeamId.of(String.format("t%02d", t));
  }

  List<Story> run() {
    double n = b.noise;
    List<Story> outcomes = new ArrayList<>();
    for (int s = 0; s < b.outcomes; s++) {
      outcomes.add(story(n));
    }
    for (int i = 0; i < b.outcomes * 2; i++) {
      // Unrelated artifacts: the background against which tags must be matched.
      learning(rng.nextInt(memberCount), start() + (long) (rng.nextDouble() * SPAN), topics(1 + rng.nextInt(2)));
    }
    for (Story o : outcomes) {
      background(o, n);
    }
    MetricSeries.assign(outcomes, b.seed, b.direction, b.teams, n);
    return all;
  }

  private long start() {
    return b.start.getEpochSecond();
  }

  private Story story(double n) {
    int x = rng.nextInt(b.teams);
    List<Integer> team = teamMembers.get(x);
    int originator = rng.nextDouble() < 0.25 ? pick(team) : outsider(x);
    long t0 = start() + (long) (rng.nextDouble() * SPAN);
    Story l = learning(originator, t0, topics(1 + rng.nextInt(3)));
    Story last = l;
    @Nullable Story a = null;
    if (!team.contains(originator) || rng.nextDouble() < 0.5) {
      int applier = pick(team);
      a = add(new Story(l.at + lognormalSeconds(3 * DAY, 0.8), EventKind.APPLIED, applier));
      a.team = teamName(x);
      List<Integer> others = new ArrayList<>(memberTeams.get(applier));
      others.remove(Integer.valueOf(x));
      if (!others.isEmpty() && rng.nextDouble() < n * 0.5) {
        a.team = teamName(others.get(0)); // applied on behalf of the applier's other team
      }
      if (rng.nextDouble() >= n * 0.5) {
        a.refs.add(l);
      }
      if (rng.nextDouble() < n * 0.4) {
        Story second = earlierLearning(a.at);
        if (second != null && second != l) {
          a.refs.add(second); // a second candidate source
        }
      }
      a.tags = l.tags;
      last = a;
      if (rng.nextDouble() < 0.3) {
        Story m = add(new Story(a.at + HOUR + rng.nextLong(DAY), EventKind.MENTION, applier));
        m.targets.add(originator);
      }
    }
    int reporter = a != null && rng.nextDouble() < 0.3 ? a.actor : team.get(0);
    Story o = add(new Story(last.at + lognormalSeconds(5 * DAY, 0.6), EventKind.OUTCOME, reporter));
    o.team = teamName(x);
    o.originator = originator;
    o.attrs.put("metric", b.direction == OutcomeDirection.LOWER_IS_BETTER ? "lead-time" : "deploy-frequency");
    if (b.direction == OutcomeDirection.LOWER_IS_BETTER) {
      o.attrs.put(OutcomeDirection.ATTR, b.direction.wireName());
    }
    if (rng.nextDouble() >= n * 0.5) {
      List<String> tags = new ArrayList<>(l.tags.subList(0, 1 + rng.nextInt(l.tags.size())));
      if (rng.nextDouble() < n * 0.5) {
        tags.add(TOPICS.get(rng.nextInt(TOPICS.size())));
      }
      o.tags = List.copyOf(new LinkedHashSet<>(tags));
    }
    if (rng.nextDouble() >= Math.min(0.95, n * 1.6)) {
      o.refs.add(last);
    }
    decoys(o, l, x, n);
    return o;
  }

  /** Artifacts with the true one's tags, by others, some applied by the same team. */
  private void decoys(Story o, Story l, int x, double n) {
    int count = poisson(n * 4);
    for (int i = 0; i < count; i++) {
      List<String> tags = new ArrayList<>(l.tags);
      if (rng.nextDouble() < 0.5) {
        tags = new ArrayList<>(List.of(l.tags.get(0), TOPICS.get(rng.nextInt(TOPICS.size()))));
      }
      long at = l.at + (long) ((rng.nextDouble() * 30 - 20) * DAY);
      Story d = learning(outsider(-1), Math.min(at, o.at - HOUR), List.copyOf(new LinkedHashSet<>(tags)));
      if (rng.nextDouble() < 0.6) {
        int t = rng.nextDouble() < n * 0.5 ? x : rng.nextInt(b.teams);
        Story a = add(new Story(d.at + lognormalSeconds(3 * DAY, 0.8), EventKind.APPLIED, pick(teamMembers.get(t))));
        a.team = teamName(t);
        a.refs.add(d);
        a.tags = d.tags;
        if (t == x && a.at < o.at && rng.nextDouble() < n * 0.5) {
          Story m = add(new Story(a.at + HOUR, EventKind.MENTION, a.actor));
          m.targets.add(d.actor);
        }
      }
    }
  }

  /** Unrelated applications by the outcome's team in the weeks before it; sometimes the outcome names one too. */
  private void background(Story o, double n) {
    String team = java.util.Objects.requireNonNull(o.team, "team");
    int x = Integer.parseInt(team.substring(1));
    int count = poisson(1 + 2 * n);
    for (int i = 0; i < count; i++) {
      long at = o.at - (long) (rng.nextDouble() * 21 * DAY);
      Story source = earlierLearning(at);
      if (source == null) {
        continue;
      }
      Story a = add(new Story(at, EventKind.APPLIED, pick(teamMembers.get(x))));
      a.team = team;
      a.refs.add(source);
      a.tags = source.tags;
      if (!o.refs.isEmpty() && rng.nextDouble() < n * 0.3) {
        o.refs.add(a); // an outcome that names more than what produced it
      }
    }
  }

  private Story learning(int author, long at, List<String> tags) {
    Story l = add(new Story(at, EventKind.LEARNING, author));
    l.team = teamName(memberTeams.get(author).iterator().next());
    l.tags = tags;
    l.attrs.put("format", "lesson");
    learnings.add(l);
    return l;
  }

  private @Nullable Story earlierLearning(long before) {
    for (int tries = 0; tries < 20 && !learnings.isEmpty(); tries++) {
      Story l = learnings.get(rng.nextInt(learnings.size()));
      if (l.at < before) {
        return l;
      }
    }
    return null;
  }

  private Story add(Story s) {
    all.add(s);
    return s;
  }

  private int outsider(int team) {
    while (true) {
      int m = rng.nextInt(memberCount);
      if (team < 0 || !memberTeams.get(m).contains(team)) {
        return m;
      }
    }
  }

  private int pick(List<Integer> members) {
    return members.get(rng.nextInt(members.size()));
  }

  private static String teamName(int t) {
    return team(t).value();
  }

  private List<String> topics(int count) {
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < count) {
      chosen.add(TOPICS.get(rng.nextInt(TOPICS.size())));
    }
    return List.copyOf(chosen);
  }

  private long lognormalSeconds(long median, double sigma) {
    return Math.max(HOUR, (long) (median * Math.exp(sigma * rng.nextGaussian())));
  }

  private int poisson(double lambda) {
    double limit = Math.exp(-lambda);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }
}
