package io.convener.core.internal.schedule;

import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;

/**
 * The principal scheduled work calls public services as, through the gate like any caller: an
 * admin of the one tenant the run is for, named {@value #SUBJECT} in the provenance log and in
 * the tenant's quotas.
 */
public final class SchedulerPrincipal {
  /** The subject of scheduled calls. */
  public static final String SUBJECT = "convener-scheduler";

  private SchedulerPrincipal() {}

  /** The scheduler's principal in the tenant. */
  public static Principal of(TenantId tenant) {
    return Principal.of(tenant, SUBJECT, Role.ADMIN);
  }
}
