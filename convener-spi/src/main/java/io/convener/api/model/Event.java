package io.convener.api.model;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One interaction: somebody ({@code actor}) did something ({@code kind}) at an instant, possibly to
 * other members ({@code targets}). Immutable and thread-safe; build one with {@link #builder}.
 *
 * @param id unique in the tenant; ingesting the same id again is a no-op
 * @param at when it happened
 * @param kind what happened
 * @param actor who did it
 * @param targets members acted upon, without duplicates, in the order given
 * @param team the team the event happened in, if known
 * @param weight strength of the interaction, greater than 0 (default 1)
 * @param sentiment sentiment in [-1, 1], if known
 * @param refs earlier events this one builds on, in the order given
 * @param tags topics or skills, without duplicates, in the order given
 * @param attrs kind-specific fields
 */
public record Event(
    EventId id,
    Instant at,
    EventKind kind,
    MemberId actor,
    List<MemberId> targets,
    Optional<TeamId> team,
    double weight,
    OptionalDouble sentiment,
    List<EventId> refs,
    List<String> tags,
    Attrs attrs) {

  /** Validates every component; throws naming the first bad one. */
  public Event {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(actor, "actor");
    targets = List.copyOf(new LinkedHashSet<>(requireNonNull(targets, "targets")));
    requireNonNull(team, "team");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be a finite number > 0, got " + weight);
    }
    requireNonNull(sentiment, "sentiment");
    if (sentiment.isPresent() && !(sentiment.getAsDouble() >= -1 && sentiment.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("sentiment must be in [-1, 1], got " + sentiment.getAsDouble());
    }
    refs = List.copyOf(requireNonNull(refs, "refs"));
    tags = List.copyOf(new LinkedHashSet<>(requireNonNull(tags, "tags")));
    for (String tag : tags) {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("tags must not be blank");
      }
    }
    requireNonNull(attrs, "attrs");
  }

  /** A builder for an event with the required components; the rest take their defaults. */
  public static Builder builder(EventId id, Instant at, EventKind kind, MemberId actor) {
    return new Builder(id, at, kind, actor);
  }

  /** A builder that starts from this event's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id, at, kind, actor).targets(targets).weight(weight).refs(refs).tags(tags).attrs(attrs);
    team.ifPresent(b::team);
    sentiment.ifPresent(b::sentiment);
    return b;
  }

  /** Builds an {@link Event}. Not thread-safe; validation happens in {@link #build()}. */
  public static final class Builder {
    private final EventId id;
    private final Instant at;
    private final EventKind kind;
    private final MemberId actor;
    private List<MemberId> targets = List.of();
    private @Nullable TeamId team;
    private double weight = 1.0;
    private @Nullable Double sentiment;
    private List<EventId> refs = List.of();
    private List<String> tags = List.of();
    private Attrs attrs = Attrs.empty();

    private Builder(EventId id, Instant at, EventKind kind, MemberId actor) {
      this.id = requireNonNull(id, "id");
      this.at = requireNonNull(at, "at");
      this.kind = requireNonNull(kind, "kind");
      this.actor = requireNonNull(actor, "actor");
    }

    /** Members acted upon. */
    public Builder targets(List<MemberId> targets) {
      this.targets = new ArrayList<>(targets);
      return this;
    }

    /** Members acted upon. */
    public Builder targets(MemberId... targets) {
      return targets(List.of(targets));
    }

    /** The team the event happened in. */
    public Builder team(TeamId team) {
      this.team = requireNonNull(team, "team");
      return this;
    }

    /** Strength of the interaction, greater than 0. */
    public Builder weight(double weight) {
      this.weight = weight;
      return this;
    }

    /** Sentiment in [-1, 1]. */
    public Builder sentiment(double sentiment) {
      this.sentiment = sentiment;
      return this;
    }

    /** Earlier events this one builds on. */
    public Builder refs(List<EventId> refs) {
      this.refs = new ArrayList<>(refs);
      return this;
    }

    /** Earlier events this one builds on. */
    public Builder refs(EventId... refs) {
      return refs(List.of(refs));
    }

    /** Topics or skills. */
    public Builder tags(List<String> tags) {
      this.tags = new ArrayList<>(tags);
      return this;
    }

    /** Topics or skills. */
    public Builder tags(String... tags) {
      return tags(List.of(tags));
    }

    /** Kind-specific fields. */
    public Builder attrs(Attrs attrs) {
      this.attrs = requireNonNull(attrs, "attrs");
      return this;
    }

    /** The event; throws {@link IllegalArgumentException} naming the first invalid component. */
    public Event build() {
      return new Event(
          id,
          at,
          kind,
          actor,
          targets,
          Optional.ofNullable(team),
          weight,
          sentiment == null ? OptionalDouble.empty() : OptionalDouble.of(sentiment),
          refs,
          tags,
          attrs);
    }
  }
}
