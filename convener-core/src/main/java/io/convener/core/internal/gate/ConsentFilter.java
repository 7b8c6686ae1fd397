package io.convener.core.internal.gate;

import io.convener.api.Principal;

/**
 * The hook through which the consent gate checks every result before it leaves a service: it may
 * drop the people a result names without their consent for the purpose, or discard the result. The
 * consent module binds the default, which re-checks every person a result names; a host replaces it
 * through its {@code OptionalBinder}. Implementations are thread-safe and never return null.
 */
public interface ConsentFilter {
  /** The identity filter, for tests of the gate alone: it lets every result through. */
  ConsentFilter IDENTITY = new ConsentFilter() {
    @Override
    public <T> T filter(Principal principal, Invocation<T> invocation, T result) {
      return result;
    }
  };

  /**
   * The result as the principal may see it.
   *
   * @param invocation the call that produced it; its activity names the purpose
   */
  <T> T filter(Principal principal, Invocation<T> invocation, T result);
}
