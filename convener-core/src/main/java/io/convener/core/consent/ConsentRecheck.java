package io.convener.core.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.consent.Permissions;
import io.convener.core.internal.gate.ConsentFilter;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;

/**
 * The consent filter of the choke point: as a result leaves its service, every person it names
 * (through {@link NamesPeople}, also inside an {@link Optional} or a collection) must still be
 * consenting for the purpose they were disclosed for, or, where an approval let the principal use
 * their data for it, that approval must still be in force ({@link Permissions}). If a withdrawal landed while the result was
 * computed, the result is discarded with {@link ConsentChangedException}, which the caller may
 * retry; the call's provenance entry records the failure. Results that name nobody pass
 * unchanged. Thread-safe.
 */
final class ConsentRecheck implements ConsentFilter {
  private final ConsentEngine consent;
  private final Permissions permissions;

  @Inject
  ConsentRecheck(ConsentEngine consent, Permissions permissions) {
    this.consent = requireNonNull(consent, "consent");
    this.permissions = requireNonNull(permissions, "permissions");
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
        if (!consent.check(principal.tenant(), d.subject(), d.purpose())
            && permissions.permission(principal, d.subject(), d.purpose()).isEmpty()) {
          throw new ConsentChangedException(
              "consent for " + d.purpose().name() + " was withdrawn while the result was computed; try again");
        }
      }
    }
  }
}
