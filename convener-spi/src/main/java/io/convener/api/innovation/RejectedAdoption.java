package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;

/**
 * An adoption across tenants that was not recorded in the lineage, and why: the source tenant
 * does not share with the destination, or the destination does not accept from the source.
 * Immutable.
 *
 * @param node the adoption: its event id in the caller's tenant, or a pseudonym for another tenant's
 * @param source the tenant the adoption says it learned from
 * @param destination the tenant that adopted
 * @param reason a clear sentence naming the missing agreement
 */
public record RejectedAdoption(String node, TenantId source, TenantId destination, String reason) {
  /** Validates. */
  public RejectedAdoption {
    requireNonNull(node, "node");
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(reason, "reason");
  }
}
