package io.convener.core.replay;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import io.convener.api.replay.Replays;
import io.convener.core.internal.gate.CallNotes;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.GateReceipt;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Replays as gated calls: each step of a receipt becomes one {@link Invocation} of the original
 * activity, with the original roles, the receipt's tenant named (the tenant boundary), a service
 * that only checks the subject and returns the people the original result named (so the gate's
 * consent filter re-checks each of them, as it re-checks every result), and {@code replayOf} on its
 * entry. Nothing is computed again and nothing but the entry is written. Idempotency keys are
 * kept in the store by {@link KeptResults}. Thread-safe.
 */
final class DefaultReplays implements Replays {
  /** What a replay step "returns" to the gate: the people the kept result names. */
  private record Named(List<Disclosed<?>> disclosures, long sequence) implements NamesPeople {
    Named withSequence(long s) {
      return new Named(disclosures, s);
    }
  }

  private final Gate gate;
  private final CallNotes notes;
  private final KeptResults kept;

  @Inject
  DefaultReplays(Gate gate, CallNotes notes, KeptResults kept) {
    this.gate = requireNonNull(gate, "gate");
    this.notes = requireNonNull(notes, "notes");
    this.kept = requireNonNull(kept, "kept");
  }

  @Override
  public Claim claim(Principal principal, IdempotencyKey key, KeepPolicy policy) {
    return kept.claim(requireNonNull(principal, "principal"), requireNonNull(key, "key"),
        requireNonNull(policy, "policy"));
  }

  @Override
  public boolean keep(Principal principal, Claim.Won claim, byte[] result, Receipt receipt) {
    return kept.keep(requireNonNull(principal, "principal"), requireNonNull(claim, "claim"),
        requireNonNull(result, "result"), requireNonNull(receipt, "receipt"));
  }

  @Override
  public void release(Principal principal, IdempotencyKey key, String claimId) {
    kept.release(requireNonNull(principal, "principal"), requireNonNull(key, "key"), requireNonNull(claimId, "claimId"));
  }

  @Override
  public <T> Recorded<T> record(Principal principal, Supplier<T> call) {
    return notes.record(principal, call);
  }

  @Override
  public List<Long> replay(Principal principal, Receipt receipt) {
    requireNonNull(principal, "principal");
    requireNonNull(receipt, "receipt");
    if (!(receipt instanceof GateReceipt kept)) {
      throw new IllegalArgumentException("the receipt was not made by this Convener's Replays.record");
    }
    List<Long> sequences = new ArrayList<>();
    for (GateReceipt.Step step : kept.steps()) {
      sequences.add(gate.invoke(principal, step(principal, kept, step)).sequence());
    }
    return List.copyOf(sequences);
  }

  private static Invocation<Named> step(Principal principal, GateReceipt kept, GateReceipt.Step step) {
    long original = step.sequence();
    Invocation.Builder<Named> b = Invocation.of(step.activity(), tenant -> {
          if (!principal.subject().equals(kept.subject())) {
            throw new AccessDeniedException("a kept result is replayed only to the subject it was made for");
          }
          return new Named(step.named(), -1);
        })
        .roles(step.roles().toArray(Role[]::new))
        .names(kept.tenant())
        .stamp(Named::withSequence);
    // The original entry is in the receipt's log: only there does its sequence mean anything. A
    // principal of another tenant is denied at the boundary, in its own log, without naming it.
    if (kept.tenant().equals(principal.tenant())) {
      b.inputs(() -> Map.of("replayOf", original)).replayOf(original);
    }
    return b.build();
  }
}
