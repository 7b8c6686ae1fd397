package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One adoption in an innovation's lineage: a PROV {@code wasDerivedFrom} edge from the adoption to
 * the node it was learned from (the innovation itself or an earlier adoption). Ids of the caller's
 * tenant are shown as they are; those of another tenant only as pseudonymous references.
 * Immutable.
 *
 * @param node the adoption: its event id, or a pseudonym for another tenant's event
 * @param adopter who adopted
 * @param team the adopting team (a pseudonym for another tenant's team), if known
 * @param tenant the adopting tenant
 * @param from the node this one derives from: the innovation id or an earlier entry's {@code node}
 * @param at when the adoption happened
 * @param depth generations from the innovation, at least 1
 * @param rule how the source was chosen, such as {@code explicit:fromTeam} or {@code
 *     exposure:window=P30D}
 */
public record LineageEntry(
    String node,
    Person adopter,
    Optional<String> team,
    TenantId tenant,
    String from,
    Instant at,
    int depth,
    String rule) {
  /** Validates. */
  public LineageEntry {
    requireNonNull(node, "node");
    requireNonNull(adopter, "adopter");
    requireNonNull(team, "team");
    requireNonNull(tenant, "tenant");
    requireNonNull(from, "from");
    requireNonNull(at, "at");
    requireNonNull(rule, "rule");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
  }
}
