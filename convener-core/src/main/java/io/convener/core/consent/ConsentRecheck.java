package io.convener.core.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.ConsentFilter;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;

/**
 * The consent filter of the choke point: as a result leaves its service, every person it names
 * (through {@link NamesPeople}, also inside an {@link Optional} or a collection) must still be
 * consenting for the purpose they were disclosed for. If a withdrawal landed while the result was
 * computed, the result is discarded with {@link ConsentChangedException}, which the caller may
 * retry; the call's provenance entry records the failure. Results that name nobody pass
 * unchanged. Thread-safe.
 */
final class ConsentRecheck implements ConsentFilter {
  private final ConsentEngine consent;

  @Inject
  ConsentRecheck(ConsentEngine consent) {
    this.consent = requireNonNull(consent, "consent");
  }

  @Override
  public <T> T filter(Principal principal, Invocation<T> invocation, T result) {
    recheck(principal, result);
    return result;
  }

  private void recheck(Principal principal, Object value) {
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> recheck(principal, v));
    } else if (value instanceof Collection<?> items) {
      items.forEach(v -> recheck(principal, v));
    } else if (value instanceof NamesPeople result) {
      for (Disclosed<?> d : result.disclosures()) {
        if (!consent.check(principal.tenant(), d.subject(), d.purpose())) {
          throw new ConsentChangedException(
              "consent for " + d.purpose().name() + " was withdrawn while the result was computed; try again");
        }
      }
    }
  }
}
