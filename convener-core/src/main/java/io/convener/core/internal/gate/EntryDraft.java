package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import java.util.List;
import java.util.OptionalLong;

/**
 * A provenance entry before the log places it: everything but the tenant, sequence and time, which
 * the {@link ProvenanceRecorder} assigns. Immutable; start from {@link #of}.
 *
 * @param agent who acted
 * @param activity the API action
 * @param used entity ids read
 * @param generated entity ids produced
 * @param inputDigest the digest of the inputs
 * @param outcome how the call ended
 * @param causedBy an earlier entry of the same log that caused this one
 * @param replayOf an earlier entry of the same log whose result this call handed out again
 */
public record EntryDraft(
    Agent agent,
    String activity,
    List<String> used,
    List<String> generated,
    Sha256Hash inputDigest,
    Outcome outcome,
    OptionalLong causedBy,
    OptionalLong replayOf) {
  /** Validates and copies. */
  public EntryDraft {
    requireNonNull(agent, "agent");
    ProvenanceEntry.checkActivity(activity);
    used = ProvenanceEntry.checkEntities(used, "used");
    generated = ProvenanceEntry.checkEntities(generated, "generated");
    requireNonNull(inputDigest, "inputDigest");
    requireNonNull(outcome, "outcome");
    requireNonNull(causedBy, "causedBy");
    requireNonNull(replayOf, "replayOf");
  }

  /** A draft with no entities, no cause and no replay. */
  public static EntryDraft of(Agent agent, String activity, Sha256Hash inputDigest, Outcome outcome) {
    return new EntryDraft(agent, activity, List.of(), List.of(), inputDigest, outcome, OptionalLong.empty(),
        OptionalLong.empty());
  }

  /** A copy with these used entities. */
  public EntryDraft withUsed(List<String> ids) {
    return new EntryDraft(agent, activity, ids, generated, inputDigest, outcome, causedBy, replayOf);
  }

  /** A copy with these generated entities. */
  public EntryDraft withGenerated(List<String> ids) {
    return new EntryDraft(agent, activity, used, ids, inputDigest, outcome, causedBy, replayOf);
  }

  /** A copy caused by an earlier entry. */
  public EntryDraft withCausedBy(OptionalLong sequence) {
    return new EntryDraft(agent, activity, used, generated, inputDigest, outcome, sequence, replayOf);
  }

  /** A copy that replays the result of an earlier entry. */
  public EntryDraft withReplayOf(OptionalLong sequence) {
    return new EntryDraft(agent, activity, used, generated, inputDigest, outcome, causedBy, sequence);
  }
}
