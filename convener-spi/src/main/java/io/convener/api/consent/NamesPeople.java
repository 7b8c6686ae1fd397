package io.convener.api.consent;

import java.util.List;

/**
 * A result that names people. Every person it names is a {@link Disclosed} value, and it lists them
 * all here, so that the choke point can check, as the result leaves the service, that each
 * disclosure still holds: a consent withdrawn while the result was computed is then seen, and the
 * result discarded, rather than shown.
 */
public interface NamesPeople {
  /** Every disclosure the result holds. */
  List<Disclosed<?>> disclosures();
}
