package io.convener.testing.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic organisation whose outcomes each have a known true originator: the author of the
 * learning artifact that, applied by the outcome's team, produced it. Around every such story the
 * generator adds the noise real logs have, more of it the higher {@link Builder#noise(double)}:
 * outcomes without references or with extra ones, applications that lost their references or name
 * a second source, decoy artifacts with the same tags (some applied by the same team), unrelated
 * applications and artifacts, misleading mentions, and people in several teams who apply things on
 * behalf of the other one. Event ids follow time order, so they give nothing away. The same seed
 * and settings give the same organisation. Immutable once built.
 *
 * <pre>{@code
 * LearningScenario s = LearningScenario.builder(42).noise(0.3).outcomes(200).build();
 * convener.ingest().submit(admin, s.members(), s.events());
 * AttributionAccuracy acc = AttributionAccuracy.of(s.originators(), attributions);
 * }</pre>
 */
public final class LearningScenario {
  /** The default noise level. */
  public static final double DEFAULT_NOISE = 0.15;

  private final long seed;
  private final double noise;
  private final List<Member> members;
  private final List<Event> events;
  private final Map<EventId, MemberId> originators;

  private LearningScenario(Builder b) {
    this.seed = b.seed;
    this.noise = b.noise;
    Generator g = new Generator(b);
    List<Story> stories = g.run();
    stories.sort(Comparator.comparingLong((Story s) -> s.at));
    for (int i = 0; i < stories.size(); i++) {
      stories.get(i).id = String.format("e%06d", i + 1);
    }
    List<Event> built = new ArrayList<>(stories.size());
    Map<EventId, MemberId> truth = new LinkedHashMap<>();
    for (Story s : stories) {
      built.add(event(s, g));
      if (s.kind == EventKind.OUTCOME) {
        truth.put(EventId.of(s.id), g.member(s.originator));
      }
    }
    this.members = g.members();
    this.events = List.copyOf(built);
    this.originators = java.util.Collections.unmodifiableMap(truth);
  }

  private static Event event(Story s, Generator g) {
    Event.Builder e = Event.builder(EventId.of(s.id), Instant.ofEpochSecond(s.at), s.kind, g.member(s.actor))
        .refs(s.refs.stream().map(r -> EventId.of(r.id)).toList())
        .tags(s.tags)
        .targets(s.targets.stream().map(g::member).toList())
        .attrs(Attrs.of(s.attrs));
    if (s.team != null) {
      e.team(TeamId.of(s.team));
    }
    return e.build();
  }

  /** A builder with the defaults: 150 outcomes, 10 teams of 8, noise {@value #DEFAULT_NOISE}. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** The seed it was made from. */
  public long seed() {
    return seed;
  }

  /** The noise level it was made with, in [0, 1]. */
  public double noise() {
    return noise;
  }

  /** The members, each in one team or, some of them, two. */
  public List<Member> members() {
    return members;
  }

  /** Every event (learning, applied, outcome, mention), in time order. */
  public List<Event> events() {
    return events;
  }

  /** Each outcome's true originator, in outcome time order. */
  public Map<EventId, MemberId> originators() {
    return originators;
  }

  /** Builds a {@link LearningScenario}; not thread-safe. */
  public static final class Builder {
    final long seed;
    double noise = DEFAULT_NOISE;
    OutcomeDirection direction = OutcomeDirection.HIGHER_IS_BETTER;
    int outcomes = 150;
    int teams = 10;
    int teamSize = 8;
    Instant start = Instant.parse("2026-01-05T09:00:00Z");

    private Builder(long seed) {
      this.seed = seed;
    }

    /** The noise level in [0, 1]: 0 is clean lineage, 1 a log that is mostly noise. */
    public Builder noise(double level) {
      if (!(level >= 0 && level <= 1)) {
        throw new IllegalArgumentException("noise must be in [0, 1], got " + level);
      }
      this.noise = level;
      return this;
    }

    /**
     * Which way the outcomes' metric improves: higher-is-better ({@code deploy-frequency}, no
     * {@code attrs.direction}, the default) or lower-is-better ({@code lead-time}, with {@code
     * attrs.direction = "lower-is-better"}).
     */
    public Builder direction(OutcomeDirection d) {
      this.direction = requireNonNull(d, "direction");
      return this;
    }

    /** How many outcomes (stories), at least 1. */
    public Builder outcomes(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("outcomes must be >= 1, got " + count);
      }
      this.outcomes = count;
      return this;
    }

    /** How many teams (at least 2) of how many members (at least 3). */
    public Builder teams(int count, int size) {
      if (count < 2 || size < 3) {
        throw new IllegalArgumentException("teams must be >= 2 and size >= 3, got " + count + " of " + size);
      }
      this.teams = count;
      this.teamSize = size;
      return this;
    }

    /** When the first story may start. */
    public Builder start(Instant instant) {
      this.start = requireNonNull(instant, "start");
      return this;
    }

    /** The organisation. */
    public LearningScenario build() {
      return new LearningScenario(this);
    }
  }
}
