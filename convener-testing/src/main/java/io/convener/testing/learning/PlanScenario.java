package io.convener.testing.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A synthetic organisation for learning plans with known answers: every member has hidden
 * interests and a planned topic, writes about the interests before the instant T ({@link
 * #asOf()}), applies artifacts before T, and applies more after T: those later applications are
 * the ground truth a plan made at T should anticipate. The events after T are part of {@link
 * #events()}, so a plan that read past T would be caught. The same seed and settings give the same
 * organisation; event ids follow time order. Immutable once built.
 *
 * <pre>{@code
 * PlanScenario s = PlanScenario.builder(7).build();
 * convener.ingest().submit(admin, s.members(), s.events());
 * LearningPlan p = convener.learning().plan(admin, PlanRequest.forMember(m, s.asOf()).withLimit(5));
 * }</pre>
 */
public final class PlanScenario {
  /** How long the oracle's lists are. */
  public static final int ORACLE_DEPTH = 20;

  private final long seed;
  private final Instant asOf;
  private final List<Member> members;
  private final List<Event> events;
  private final Map<MemberId, Set<EventId>> later;
  private final Map<MemberId, List<String>> planned;
  private final Map<EventId, Integer> applications;
  private final Map<MemberId, Set<EventId>> known;
  private final Map<MemberId, List<EventId>> oracle;

  private PlanScenario(Builder b) {
    this.seed = b.seed;
    this.asOf = b.asOf;
    PlanGenerator g = new PlanGenerator(b);
    g.run();
    List<PlanGenerator.Draft> drafts = new ArrayList<>(g.events);
    drafts.sort(Comparator.comparingLong(d -> d.at));
    for (int i = 0; i < drafts.size(); i++) {
      drafts.get(i).id = String.format("e%06d", i + 1);
    }
    List<Event> built = new ArrayList<>();
    for (PlanGenerator.Draft d : drafts) {
      built.add(Event.builder(EventId.of(d.id), Instant.ofEpochSecond(d.at), d.kind, member(d.actor))
          .team(team(d.actor / b.teamSize)).tags(d.tags).refs(d.refs.stream().map(r -> EventId.of(r.id)).toList())
          .build());
    }
    List<Member> ms = new ArrayList<>();
    Map<MemberId, Set<EventId>> truth = new LinkedHashMap<>();
    Map<MemberId, List<String>> plans = new LinkedHashMap<>();
    Map<MemberId, Set<EventId>> seen = new HashMap<>();
    Map<MemberId, List<EventId>> best = new HashMap<>();
    for (int m = 0; m < b.teams * b.teamSize; m++) {
      MemberId id = member(m);
      ms.add(Member.builder(id).teams(team(m / b.teamSize)).build());
      truth.put(id, ids(g.after.get(m)));
      plans.put(id, List.of(PlanGenerator.topic(g.planned[m])));
      Set<EventId> k = new HashSet<>(ids(g.before.get(m)));
      for (PlanGenerator.Draft a : g.artifacts) {
        if (a.actor == m) {
          k.add(EventId.of(a.id));
        }
      }
      seen.put(id, Collections.unmodifiableSet(k));
      best.put(id, g.oracle(m, ORACLE_DEPTH).stream().map(a -> EventId.of(a.id)).toList());
    }
    Map<EventId, Integer> counts = new LinkedHashMap<>();
    for (PlanGenerator.Draft a : g.artifacts) {
      counts.put(EventId.of(a.id), a.applications);
    }
    this.members = List.copyOf(ms);
    this.events = List.copyOf(built);
    this.later = Collections.unmodifiableMap(truth);
    this.planned = Collections.unmodifiableMap(plans);
    this.applications = Collections.unmodifiableMap(counts);
    this.known = Collections.unmodifiableMap(seen);
    this.oracle = Collections.unmodifiableMap(best);
  }

  private static Set<EventId> ids(Set<PlanGenerator.Draft> drafts) {
    Set<EventId> out = new java.util.LinkedHashSet<>();
    drafts.forEach(d -> out.add(EventId.of(d.id)));
    return Collections.unmodifiableSet(out);
  }

  private static MemberId member(int m) {
    return MemberId.of(String.format("p%03d", m));
  }

  private static TeamId team(int t) {
    return TeamId.of(String.format("pt%02d", t));
  }

  /** A builder with the defaults: 8 teams of 8, 40 topics, 400 artifacts. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** The seed it was made from. */
  public long seed() {
    return seed;
  }

  /** The instant T plans are made at: the truth lies after it. */
  public Instant asOf() {
    return asOf;
  }

  /** The members, each in one team. */
  public List<Member> members() {
    return members;
  }

  /** Every event, before and after T, in time order. */
  public List<Event> events() {
    return events;
  }

  /** Each member's planned topic, as plan tags. */
  public List<String> plannedTags(MemberId member) {
    return planned.getOrDefault(member, List.of());
  }

  /** The artifacts each member applied after T, none of which they applied before or wrote. */
  public Map<MemberId, Set<EventId>> laterApplications() {
    return later;
  }

  /**
   * The popularity baseline: the {@code k} artifacts most applied before T that the member neither
   * applied before T nor wrote, ties by id.
   */
  public List<EventId> popular(MemberId member, int k) {
    Set<EventId> skip = known.getOrDefault(member, Set.of());
    return applications.entrySet().stream().filter(e -> !skip.contains(e.getKey()))
        .sorted(Map.Entry.<EventId, Integer>comparingByValue().reversed().thenComparing(e -> e.getKey().value()))
        .limit(k).map(Map.Entry::getKey).toList();
  }

  /**
   * The ceiling: the {@code k} (at most {@value #ORACLE_DEPTH}) artifacts new to the member at T
   * that the generator's hidden model (interests, planned topic, quality, popularity) makes most
   * likely to be applied after T. No ranking that sees only the events can expect to do better.
   */
  public List<EventId> oracle(MemberId member, int k) {
    List<EventId> all = oracle.getOrDefault(member, List.of());
    return all.subList(0, Math.min(k, all.size()));
  }

  /** Builds a {@link PlanScenario}; not thread-safe. */
  public static final class Builder {
    final long seed;
    int teams = 8;
    int teamSize = 8;
    int topics = 40;
    int artifacts = 400;
    Instant asOf = Instant.parse("2026-09-01T00:00:00Z");

    private Builder(long seed) {
      this.seed = seed;
    }

    /** How many teams (at least 2) of how many members (at least 2). */
    public Builder teams(int count, int size) {
      if (count < 2 || size < 2) {
        throw new IllegalArgumentException("teams must be >= 2 and size >= 2, got " + count + " of " + size);
      }
      this.teams = count;
      this.teamSize = size;
      return this;
    }

    /** How many artifacts (at least 10) over how many topics (at least 8). */
    public Builder artifacts(int count, int topicCount) {
      if (count < 10 || topicCount < 8) {
        throw new IllegalArgumentException("artifacts must be >= 10 and topics >= 8, got " + count + " and " + topicCount);
      }
      this.artifacts = count;
      this.topics = topicCount;
      return this;
    }

    /** The instant T. */
    public Builder asOf(Instant t) {
      this.asOf = requireNonNull(t, "asOf");
      return this;
    }

    /** The organisation. */
    public PlanScenario build() {
      return new PlanScenario(this);
    }
  }
}
