package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a tenant's provenance log: one call of a public service (a PROV activity) or one
 * action of a system component. Every public service call writes exactly one entry, whether it
 * succeeded, was denied or failed. Entries are append-only; each is a leaf of the tenant's RFC 9162
 * Merkle tree, hashed over its RFC 8785 canonical form (see {@code docs/provenance.md}). Immutable
 * and thread-safe; build one with {@link #builder()}.
 *
 * @param tenant the tenant whose log holds the entry
 * @param sequence the 0-based position in the log, also the Merkle leaf index; the entry's id
 * @param at when the entry was written, UTC; never decreases along the log
 * @param agent who acted (prov:wasAssociatedWith)
 * @param activity the API action, such as {@code ingest} or {@code provenance.verify}
 * @param used ids of the entities the activity read (prov:used), such as {@code input:sha256:…}
 * @param generated ids of the entities it produced (prov:wasGeneratedBy), such as a summary
 * @param inputDigest SHA-256 of the canonical form of the call's inputs; never the inputs
 * @param outcome ok, denied and why, or failed and why
 * @param causedBy the earlier entry of the same log that caused this one (prov:wasInformedBy)
 * @param replayOf the earlier entry of the same log whose result this call handed out again (an
 *     idempotent replay): the replay passed the checks of its own and is logged as a call of its own
 */
public record ProvenanceEntry(
    TenantId tenant,
    long sequence,
    Instant at,
    Agent agent,
    String activity,
    List<String> used,
    List<String> generated,
    Sha256Hash inputDigest,
    Outcome outcome,
    OptionalLong causedBy,
    OptionalLong replayOf) {
  private static final Pattern ACTIVITY = Pattern.compile("[a-z][a-z0-9._-]{0,99}");
  /** Longest entity id. */
  public static final int MAX_ENTITY_ID = 400;

  /** Validates and copies. */
  public ProvenanceEntry {
    requireNonNull(tenant, "tenant");
    requireNonNull(at, "at");
    requireNonNull(agent, "agent");
    checkActivity(activity);
    used = checkEntities(used, "used");
    generated = checkEntities(generated, "generated");
    requireNonNull(inputDigest, "inputDigest");
    requireNonNull(outcome, "outcome");
    requireNonNull(causedBy, "causedBy");
    requireNonNull(replayOf, "replayOf");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
    }
    if (causedBy.isPresent() && (causedBy.getAsLong() < 0 || causedBy.getAsLong() >= sequence)) {
      throw new IllegalArgumentException(
          "causedBy must name an earlier entry, got " + causedBy.getAsLong() + " for entry " + sequence);
    }
    if (replayOf.isPresent() && (replayOf.getAsLong() < 0 || replayOf.getAsLong() >= sequence)) {
      throw new IllegalArgumentException(
          "replayOf must name an earlier entry, got " + replayOf.getAsLong() + " for entry " + sequence);
    }
  }

  /**
   * Checks an activity name: a lower-case letter, then up to 99 of {@code [a-z0-9._-]}.
   *
   * @return the name
   */
  public static String checkActivity(String activity) {
    requireNonNull(activity, "activity");
    if (!ACTIVITY.matcher(activity).matches()) {
      throw new IllegalArgumentException(
          "activity must be a lower-case letter then up to 99 of [a-z0-9._-]: '" + activity + "'");
    }
    return activity;
  }

  /**
   * Checks and copies entity ids: each 1 to {@value #MAX_ENTITY_ID} characters, no control
   * characters, no surrounding whitespace.
   */
  public static List<String> checkEntities(List<String> ids, String what) {
    requireNonNull(ids, what);
    List<String> copy = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = requireNonNull(ids.get(i), what + "[" + i + "]");
      if (id.isEmpty() || id.length() > MAX_ENTITY_ID || !id.strip().equals(id)
          || id.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(what + "[" + i + "] must be 1 to " + MAX_ENTITY_ID
            + " characters without control characters or surrounding whitespace");
      }
      copy.add(id);
    }
    return List.copyOf(copy);
  }

  /**
   * A builder; every component but {@code used}, {@code generated}, {@code causedBy} and {@code
   * replayOf} is required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProvenanceEntry}; not thread-safe. */
  public static final class Builder {
    private @Nullable TenantId tenant;
    private long sequence = -1;
    private @Nullable Instant at;
    private @Nullable Agent agent;
    private @Nullable String activity;
    private List<String> used = List.of();
    private List<String> generated = List.of();
    private @Nullable Sha256Hash inputDigest;
    private @Nullable Outcome outcome;
    private OptionalLong causedBy = OptionalLong.empty();
    private OptionalLong replayOf = OptionalLong.empty();

    private Builder() {}

    /** The tenant. */
    public Builder tenant(TenantId tenant) {
      this.tenant = requireNonNull(tenant, "tenant");
      return this;
    }

    /** The 0-based position in the log. */
    public Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    /** When the entry was written. */
    public Builder at(Instant at) {
      this.at = requireNonNull(at, "at");
      return this;
    }

    /** Who acted. */
    public Builder agent(Agent agent) {
      this.agent = requireNonNull(agent, "agent");
      return this;
    }

    /** The API action. */
    public Builder activity(String activity) {
      this.activity = checkActivity(activity);
      return this;
    }

    /** Entities read. */
    public Builder used(List<String> used) {
      this.used = checkEntities(used, "used");
      return this;
    }

    /** Entities produced. */
    public Builder generated(List<String> generated) {
      this.generated = checkEntities(generated, "generated");
      return this;
    }

    /** The digest of the inputs. */
    public Builder inputDigest(Sha256Hash inputDigest) {
      this.inputDigest = requireNonNull(inputDigest, "inputDigest");
      return this;
    }

    /** How the call ended. */
    public Builder outcome(Outcome outcome) {
      this.outcome = requireNonNull(outcome, "outcome");
      return this;
    }

    /** The earlier entry that caused this one. */
    public Builder causedBy(long sequence) {
      this.causedBy = OptionalLong.of(sequence);
      return this;
    }

    /** The earlier entry that caused this one, if any. */
    public Builder causedBy(OptionalLong sequence) {
      this.causedBy = requireNonNull(sequence, "causedBy");
      return this;
    }

    /** The earlier entry whose result this call handed out again. */
    public Builder replayOf(long sequence) {
      this.replayOf = OptionalLong.of(sequence);
      return this;
    }

    /** The earlier entry whose result this call handed out again, if any. */
    public Builder replayOf(OptionalLong sequence) {
      this.replayOf = requireNonNull(sequence, "replayOf");
      return this;
    }

    /**
     * The entry.
     *
     * @throws IllegalStateException naming the first required component not set
     * @throws IllegalArgumentException when the components do not fit together
     */
    public ProvenanceEntry build() {
      if (tenant == null || sequence < 0 || at == null || agent == null || activity == null
          || inputDigest == null || outcome == null) {
        throw new IllegalStateException("missing " + (tenant == null ? "tenant" : sequence < 0 ? "sequence"
            : at == null ? "at" : agent == null ? "agent" : activity == null ? "activity"
            : inputDigest == null ? "inputDigest" : "outcome"));
      }
      return new ProvenanceEntry(
          tenant, sequence, at, agent, activity, used, generated, inputDigest, outcome, causedBy, replayOf);
    }
  }
}
