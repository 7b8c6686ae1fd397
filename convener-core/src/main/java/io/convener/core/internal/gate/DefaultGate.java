package io.convener.core.internal.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.ConvenerException;
import io.convener.api.Principal;
import io.convener.api.RateLimitedException;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.core.internal.telemetry.Telemetry;
import io.convener.spi.storage.OutboxRow;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Gate}: checks, runs, filters and logs, in that order, with one provenance entry per
 * call whatever happens. A failure to write the entry of a denied or failed call is added as a
 * suppressed exception to the one the caller gets; a failure to write the entry of a successful
 * call fails the call (fail closed: no result leaves without its entry), except for a stale
 * fallback (the consent filter re-checked everyone it names, as for any result), which leaves
 * unstamped with a line in the node's log ({@link StaleResults}). It tells its {@link
 * CallNotes} how each call ended, so that a recorded call's receipt names what a replay must check.
 * Thread-safe.
 */
final class DefaultGate implements Gate {
  /** Longest reason kept in an entry. */
  static final int MAX_REASON = 1000;

  private final ProvenanceRecorder recorder;
  private final TenantRateLimiter limiter;
  private final ConsentFilter consent;
  private final OutboxSignal outbox;
  private final CallNotes notes;
  private final Telemetry telemetry;

  DefaultGate(ProvenanceRecorder recorder, TenantRateLimiter limiter, ConsentFilter consent) {
    this(recorder, limiter, consent, OutboxSignal.NONE, new CallNotes(), Telemetry.NOOP);
  }

  DefaultGate(ProvenanceRecorder recorder, TenantRateLimiter limiter, ConsentFilter consent, OutboxSignal outbox) {
    this(recorder, limiter, consent, outbox, new CallNotes(), Telemetry.NOOP);
  }

  @Inject
  DefaultGate(ProvenanceRecorder recorder, TenantRateLimiter limiter, ConsentFilter consent, OutboxSignal outbox,
      CallNotes notes, Telemetry telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
    this.recorder = requireNonNull(recorder, "recorder");
    this.limiter = requireNonNull(limiter, "limiter");
    this.consent = requireNonNull(consent, "consent");
    this.outbox = requireNonNull(outbox, "outbox");
    this.notes = requireNonNull(notes, "notes");
  }

  /**
   * Runs the call in its span (see {@link Telemetry#startCall}), whose outcome is {@code ok},
   * {@code denied}, {@code rate_limited} or {@code failed}.
   */
  @Override
  public <T> T invoke(Principal principal, Invocation<T> call) {
    requireNonNull(principal, "principal");
    requireNonNull(call, "invocation");
    Span span = telemetry.startCall(call.activity(), principal.tenant());
    String outcome = "failed";
    try (Scope ignored = span.makeCurrent()) {
      T result = checkedInvoke(principal, call);
      outcome = "ok";
      return result;
    } catch (RateLimitedException e) {
      outcome = "rate_limited";
      throw e;
    } catch (AccessDeniedException e) {
      outcome = "denied";
      throw e;
    } finally {
      telemetry.endCall(span, call.activity(), outcome);
    }
  }

  private <T> T checkedInvoke(Principal principal, Invocation<T> call) {
    TenantId tenant = principal.tenant();
    try {
      checkTenantBoundary(tenant, call);
      checkRole(principal, call);
      limiter.acquire(tenant, principal.subject(), call.activity());
    } catch (AccessDeniedException | RateLimitedException e) {
      notes.refused(principal);
      recordQuietly(principal, call, Outcome.denied(e.code(), reason(e.getMessage())), List.of(), e);
      throw e;
    }
    if (call.atomic()) {
      return invokeAtomically(principal, call);
    }
    T result;
    List<NotificationDraft> notifications;
    boolean stale;
    try {
      result = consent.filter(principal, call, call.run(tenant));
      stale = call.isStale(result);
      notifications = stale ? List.of() : recheckRecipients(principal, call, result);
    } catch (RuntimeException | Error e) {
      refused(principal, call, e);
      throw e;
    }
    if (stale) {
      return stale(principal, call, result);
    }
    long sequence;
    try {
      sequence = record(principal, call, Outcome.ok(), call.generated(result), notifications);
    } catch (RuntimeException | Error e) {
      notes.refused(principal);
      throw e;
    }
    notes.succeeded(principal, call, sequence, result);
    if (!notifications.isEmpty()) {
      outbox.committed(tenant);
    }
    return call.stamp(result, sequence);
  }

  /**
   * Runs an atomic call: its service and its entry commit in one store transaction (see {@link
   * ProvenanceRecorder#recordWith}); a call that fails or is denied rolls its writes back and
   * leaves its entry alone, as any other call does.
   */
  private <T> T invokeAtomically(Principal principal, Invocation<T> call) {
    TenantId tenant = principal.tenant();
    ProvenanceRecorder.Recorded<T> recorded;
    try {
      recorded = recorder.recordWith(tenant, () -> consent.filter(principal, call, call.run(tenant)),
          result -> draft(principal, call, Outcome.ok(), call.generated(result)));
    } catch (RuntimeException | Error e) {
      refused(principal, call, e);
      throw e;
    }
    notes.succeeded(principal, call, recorded.sequence(), recorded.result());
    return call.stamp(recorded.result(), recorded.sequence());
  }

  /**
   * Lets out a stale fallback: with its entry when the store takes one, else unstamped, with a
   * line in the node's log. Never kept as a replayable response.
   */
  private <T> T stale(Principal principal, Invocation<T> call, T result) {
    notes.refused(principal);
    try {
      return call.stamp(result, record(principal, call, Outcome.ok(), call.generated(result)));
    } catch (RuntimeException e) {
      StaleResults.servedWithoutEntry(principal, call, e);
      return result;
    }
  }

  /** The payload with the consent purpose the relay re-checks before each delivery. */
  private static Map<String, String> withPurpose(NotificationDraft n) {
    Map<String, String> payload = new HashMap<>(n.payload());
    payload.put(NotificationDraft.CONSENT_PURPOSE, n.recipient().purpose().name());
    return payload;
  }

  /** The call's notifications, after checking that every recipient still consents. */
  private <T> List<NotificationDraft> recheckRecipients(Principal principal, Invocation<T> call, T result) {
    List<NotificationDraft> drafts = call.notifications(result);
    if (!drafts.isEmpty()) {
      consent.filter(principal, Invocation.of(call.activity(), t -> drafts).roles(Role.values()).build(), drafts);
    }
    return drafts;
  }

  private static void checkTenantBoundary(TenantId tenant, Invocation<?> call) {
    for (TenantId named : call.namedTenants()) {
      if (!named.equals(tenant)) {
        throw new AccessDeniedException(
            "tenant boundary: " + call.activity() + " names a tenant other than the principal's");
      }
    }
  }

  private static void checkRole(Principal principal, Invocation<?> call) {
    for (Role role : call.roles()) {
      if (principal.has(role)) {
        return;
      }
    }
    throw new AccessDeniedException(call.activity() + " needs one of the roles " + EnumSet.copyOf(call.roles()));
  }

  private <T> long record(Principal principal, Invocation<T> call, Outcome outcome, List<String> generated) {
    return record(principal, call, outcome, generated, List.of());
  }

  private <T> long record(Principal principal, Invocation<T> call, Outcome outcome, List<String> generated,
      List<NotificationDraft> notifications) {
    EntryDraft draft = draft(principal, call, outcome, generated);
    if (notifications.isEmpty()) {
      return recorder.record(principal.tenant(), draft);
    }
    return recorder.record(principal.tenant(), draft, (sequence, at) -> notifications.stream()
        .map(n -> new OutboxRow(n.recipient().value(), n.kind(), n.key(), withPurpose(n), n.digestKey(),
            n.critical(), at, sequence))
        .toList());
  }

  private static <T> EntryDraft draft(Principal principal, Invocation<T> call, Outcome outcome, List<String> generated) {
    Sha256Hash digest;
    try {
      digest = CanonicalEntry.digest(call.inputs());
    } catch (IllegalArgumentException e) {
      // Inputs that have no canonical form still get an entry; the digest then says so.
      digest = CanonicalEntry.digest(Map.of("unhashable", call.activity()));
    }
    return EntryDraft.of(Agent.of(principal), call.activity(), digest, outcome)
        .withUsed(call.used())
        .withGenerated(generated)
        .withCausedBy(call.causedBy())
        .withReplayOf(call.replayOf());
  }

  /** Logs a call that the service or the consent filter refused or failed: denied or failed. */
  private <T> void refused(Principal principal, Invocation<T> call, Throwable e) {
    notes.refused(principal);
    Outcome outcome;
    if (e instanceof AccessDeniedException || e instanceof RateLimitedException) {
      outcome = Outcome.denied(((ConvenerException) e).code(), reason(e.getMessage()));
    } else {
      outcome = Outcome.failed(e instanceof ConvenerException c ? c.code() : "internal", e.getClass().getSimpleName());
    }
    recordQuietly(principal, call, outcome, List.of(), e);
  }

  private <T> void recordQuietly(
      Principal principal, Invocation<T> call, Outcome outcome, List<String> generated, Throwable cause) {
    try {
      record(principal, call, outcome, generated);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static String reason(@Nullable String message) {
    String m = message == null ? "" : message.replace('\n', ' ');
    if (m.isBlank()) {
      m = "denied";
    }
    return m.length() <= MAX_REASON ? m : m.substring(0, MAX_REASON);
  }
}
