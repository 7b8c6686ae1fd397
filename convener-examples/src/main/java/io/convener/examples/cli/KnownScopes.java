package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.NotFoundException;
import io.convener.api.Principal;
import io.convener.api.pulse.PulseScope;

/**
 * Refuses a team, cohort or org unit the tenant does not have, so that a mistyped scope is a usage
 * error (exit 2, one line naming the option and the scope) instead of an empty or suppressed
 * answer that looks like a real one. The tenant's scopes are the ones the pulse service knows now
 * ({@link io.convener.api.pulse.PulseAggregator#scopes}).
 */
final class KnownScopes {
  private KnownScopes() {}

  /**
   * Returns normally when the tenant has the scope; the whole tenant always exists.
   *
   * @throws NotFoundException naming the option and the scope otherwise
   */
  static void require(Convener convener, Principal operator, PulseScope scope) {
    if (scope instanceof PulseScope.Tenant || convener.pulse().scopes(operator).contains(scope)) {
      return;
    }
    throw new NotFoundException(option(scope), "tenant " + operator.tenant().value() + " has no " + noun(scope));
  }

  /** The option that names a scope of this kind. */
  static String option(PulseScope scope) {
    if (scope instanceof PulseScope.Team) {
      return "--team";
    }
    if (scope instanceof PulseScope.Cohort) {
      return "--cohort";
    }
    return scope instanceof PulseScope.Org ? "--org" : "--whole-tenant";
  }

  private static String noun(PulseScope scope) {
    String name = scope.wireName();
    int colon = name.indexOf(':');
    String kind = scope instanceof PulseScope.Org ? "org unit" : name.substring(0, colon);
    return kind + " '" + name.substring(colon + 1) + "'";
  }
}
