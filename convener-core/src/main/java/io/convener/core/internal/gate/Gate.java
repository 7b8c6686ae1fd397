package io.convener.core.internal.gate;

import io.convener.api.Principal;

/**
 * The choke point of every public service call. In order: the tenant boundary (every tenant the
 * call names must be the principal's, else {@link io.convener.api.AccessDeniedException}); the
 * role check (the principal must hold one of the invocation's roles); the per-tenant, per-API
 * token bucket and the principal's share of it ({@link io.convener.api.RateLimitedException} with
 * the time to wait); the service,
 * which only ever sees the principal's tenant; the {@link ConsentFilter} on its result; and one
 * provenance entry in the principal's tenant, written whether the call succeeded, was denied
 * (code and reason) or failed (the exception's code and type, never its message). Thread-safe.
 */
public interface Gate {
  /**
   * Runs the invocation for the principal through every check and returns its (filtered, stamped)
   * result.
   *
   * @throws io.convener.api.AccessDeniedException when the call crosses the tenant boundary or the
   *     principal lacks the role
   * @throws io.convener.api.RateLimitedException when the tenant's quota for the API, or the
   *     principal's share of it, is used up
   * @throws RuntimeException whatever the service throws, after its entry is written
   */
  <T> T invoke(Principal principal, Invocation<T> invocation);
}
