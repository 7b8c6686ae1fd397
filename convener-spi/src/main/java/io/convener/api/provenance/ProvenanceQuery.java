package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of a tenant's provenance log to read, one page at a time, in log order (which is
 * chronological): a half-open time range {@code [since, until)}, optionally one activity, one
 * agent id and one entity (used or generated), and a cursor: only entries after sequence {@code
 * after}. Immutable; start from {@link #all()} or {@link #builder()}.
 *
 * @param since earliest time included, or empty
 * @param until first time excluded, or empty
 * @param activity only entries of this activity
 * @param agent only entries of this agent id
 * @param entity only entries that used or generated this entity id
 * @param after only entries with a larger sequence: the cursor of the previous page
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
public record ProvenanceQuery(
    Optional<Instant> since,
    Optional<Instant> until,
    Optional<String> activity,
    Optional<String> agent,
    Optional<String> entity,
    OptionalLong after,
    int limit) {
  /** The default page size. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest page size. */
  public static final int MAX_LIMIT = 1000;

  /** Validates. */
  public ProvenanceQuery {
    requireNonNull(since, "since");
    requireNonNull(until, "until");
    requireNonNull(activity, "activity");
    requireNonNull(agent, "agent");
    requireNonNull(entity, "entity");
    requireNonNull(after, "after");
    if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
      throw new IllegalArgumentException("until " + until.get() + " is before since " + since.get());
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    if (after.isPresent() && after.getAsLong() < 0) {
      throw new IllegalArgumentException("after must be >= 0, got " + after.getAsLong());
    }
  }

  /** The first page of every entry. */
  public static ProvenanceQuery all() {
    return builder().build();
  }

  /** A builder with no filters and the default page size. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same query for the page after the entry with this sequence. */
  public ProvenanceQuery after(long sequence) {
    return new ProvenanceQuery(since, until, activity, agent, entity, OptionalLong.of(sequence), limit);
  }

  /** Whether an entry matches the filters and the cursor (the page size aside). */
  public boolean matches(ProvenanceEntry e) {
    return since.map(s -> !e.at().isBefore(s)).orElse(true)
        && until.map(u -> e.at().isBefore(u)).orElse(true)
        && activity.map(e.activity()::equals).orElse(true)
        && agent.map(e.agent().id()::equals).orElse(true)
        && entity.map(id -> e.used().contains(id) || e.generated().contains(id)).orElse(true)
        && (after.isEmpty() || e.sequence() > after.getAsLong());
  }

  /** Builds a {@link ProvenanceQuery}; not thread-safe. */
  public static final class Builder {
    private @Nullable Instant since;
    private @Nullable Instant until;
    private @Nullable String activity;
    private @Nullable String agent;
    private @Nullable String entity;
    private OptionalLong after = OptionalLong.empty();
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    /** Earliest time included. */
    public Builder since(Instant since) {
      this.since = requireNonNull(since, "since");
      return this;
    }

    /** First time excluded. */
    public Builder until(Instant until) {
      this.until = requireNonNull(until, "until");
      return this;
    }

    /** Only this activity. */
    public Builder activity(String activity) {
      this.activity = requireNonNull(activity, "activity");
      return this;
    }

    /** Only this agent id. */
    public Builder agent(String agent) {
      this.agent = requireNonNull(agent, "agent");
      return this;
    }

    /** Only entries that used or generated this entity. */
    public Builder entity(String entity) {
      this.entity = requireNonNull(entity, "entity");
      return this;
    }

    /** Only entries after this sequence. */
    public Builder after(long sequence) {
      this.after = OptionalLong.of(sequence);
      return this;
    }

    /** The page size. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** The query; throws {@link IllegalArgumentException} when the range or page size is wrong. */
    public ProvenanceQuery build() {
      return new ProvenanceQuery(Optional.ofNullable(since), Optional.ofNullable(until),
          Optional.ofNullable(activity), Optional.ofNullable(agent), Optional.ofNullable(entity), after, limit);
    }
  }
}
