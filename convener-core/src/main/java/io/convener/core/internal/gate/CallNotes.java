package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.Principal;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.replay.Receipt;
import io.convener.api.replay.Recorded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Notes what the {@link Gate} does for one principal while {@link #record} runs a call on the
 * calling thread: each successful service call's activity, roles, entry and the people its result
 * names, or that some call was denied or failed. The notes become the {@link GateReceipt} a replay
 * is checked against. A recording sees only the calls of its own thread and principal; recordings
 * nest. Thread-safe: each thread has its own notes.
 */
public final class CallNotes {
  private static final class Recording {
    final Principal principal;
    final List<GateReceipt.Step> steps = new ArrayList<>();
    boolean spoiled;

    Recording(Principal principal) {
      this.principal = principal;
    }
  }

  private final ThreadLocal<@Nullable Recording> open = new ThreadLocal<>();

  /**
   * Runs {@code call} and returns its result, with a receipt when the gate let at least one call
   * of {@code principal} through and none was denied or failed.
   */
  public <T> Recorded<T> record(Principal principal, Supplier<T> call) {
    requireNonNull(principal, "principal");
    requireNonNull(call, "call");
    @Nullable Recording outer = open.get();
    Recording mine = new Recording(principal);
    open.set(mine);
    try {
      T result = call.get();
      Optional<Receipt> receipt = mine.spoiled || mine.steps.isEmpty()
          ? Optional.empty()
          : Optional.of(new GateReceipt(principal.tenant(), principal.subject(), mine.steps));
      return new Recorded<>(result, receipt);
    } finally {
      if (outer == null) {
        open.remove();
      } else {
        open.set(outer);
      }
    }
  }

  /** The gate wrote entry {@code sequence} for a successful call with this (filtered) result. */
  void succeeded(Principal principal, Invocation<?> call, long sequence, @Nullable Object result) {
    @Nullable Recording r = open.get();
    if (r != null && r.principal.equals(principal)) {
      List<Disclosed<?>> named = new ArrayList<>();
      collect(result, named);
      r.steps.add(new GateReceipt.Step(call.activity(), call.roles(), sequence, named));
    }
  }

  /** The gate denied a call, or the call failed. */
  void refused(Principal principal) {
    @Nullable Recording r = open.get();
    if (r != null && r.principal.equals(principal)) {
      r.spoiled = true;
    }
  }

  /** Every disclosure of a result, also inside an {@link Optional} or a collection (as the consent re-check reads it). */
  private static void collect(@Nullable Object value, List<Disclosed<?>> into) {
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> collect(v, into));
    } else if (value instanceof Collection<?> items) {
      items.forEach(v -> collect(v, into));
    } else if (value instanceof NamesPeople result) {
      into.addAll(result.disclosures());
    }
  }
}
