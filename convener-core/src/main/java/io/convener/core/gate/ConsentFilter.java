package io.convener.core.gate;

import io.convener.api.Principal;

/**
 * The hook through which the consent gate filters every result before it leaves a service: it may
 * drop or redact the people a result names without their consent for the purpose. The default is
 * the identity, right for results that name nobody; the consent engine replaces it through its
 * {@code OptionalBinder}. Implementations are thread-safe and never return null.
 */
public interface ConsentFilter {
  /** The identity filter. */
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
