package io.convener.core.gate;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.ConvenerException;
import io.convener.api.Principal;
import io.convener.api.RateLimitedException;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.provenance.CanonicalEntry;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Gate}: checks, runs, filters and logs, in that order, with one provenance entry per
 * call whatever happens. A failure to write the entry of a denied or failed call is added as a
 * suppressed exception to the one the caller gets; a failure to write the entry of a successful
 * call fails the call (fail closed: no result leaves without its entry). Thread-safe.
 */
final class DefaultGate implements Gate {
  /** Longest reason kept in an entry. */
  static final int MAX_REASON = 1000;

  private final ProvenanceRecorder recorder;
  private final TenantRateLimiter limiter;
  private final ConsentFilter consent;

  @Inject
  DefaultGate(ProvenanceRecorder recorder, TenantRateLimiter limiter, ConsentFilter consent) {
    this.recorder = requireNonNull(recorder, "recorder");
    this.limiter = requireNonNull(limiter, "limiter");
    this.consent = requireNonNull(consent, "consent");
  }

  @Override
  public <T> T invoke(Principal principal, Invocation<T> call) {
    requireNonNull(principal, "principal");
    requireNonNull(call, "invocation");
    TenantId tenant = principal.tenant();
    try {
      checkTenantBoundary(tenant, call);
      checkRole(principal, call);
      limiter.acquire(tenant, call.activity());
    } catch (AccessDeniedException | RateLimitedException e) {
      recordQuietly(principal, call, Outcome.denied(e.code(), reason(e.getMessage())), List.of(), e);
      throw e;
    }
    T result;
    try {
      result = consent.filter(principal, call, call.run(tenant));
    } catch (AccessDeniedException | RateLimitedException e) {
      recordQuietly(principal, call, Outcome.denied(e.code(), reason(e.getMessage())), List.of(), e);
      throw e;
    } catch (RuntimeException | Error e) {
      String code = e instanceof ConvenerException c ? c.code() : "internal";
      recordQuietly(principal, call, Outcome.failed(code, e.getClass().getSimpleName()), List.of(), e);
      throw e;
    }
    long sequence = record(principal, call, Outcome.ok(), call.generated(result));
    return call.stamp(result, sequence);
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
    Sha256Hash digest;
    try {
      digest = CanonicalEntry.digest(call.inputs());
    } catch (IllegalArgumentException e) {
      // Inputs that have no canonical form still get an entry; the digest then says so.
      digest = CanonicalEntry.digest(Map.of("unhashable", call.activity()));
    }
    EntryDraft draft = EntryDraft.of(Agent.of(principal), call.activity(), digest, outcome)
        .withUsed(call.used())
        .withGenerated(generated)
        .withCausedBy(call.causedBy());
    return recorder.record(principal.tenant(), draft);
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
