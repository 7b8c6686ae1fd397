package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * An {@code innovation} or {@code adoption} event as the lineage needs it, with its tenant.
 *
 * @param tenant the tenant whose store holds the event
 * @param id the event id
 * @param actor who flagged or adopted
 * @param team the team, if known
 * @param at when
 * @param fromTeam {@code attrs.fromTeam}, if given
 * @param fromTenant {@code attrs.fromTenant} as given (checked by the lineage builder)
 * @param via the adoption of the same tenant named by {@code refs[0]}, when this adoption continues
 *     another adoption's lineage rather than adopting the innovation directly
 */
record SpreadEvent(
    TenantId tenant,
    EventId id,
    MemberId actor,
    Optional<TeamId> team,
    Instant at,
    Optional<String> fromTeam,
    Optional<String> fromTenant,
    Optional<EventId> via) {
  /** Time order, then tenant, then id: the order adoptions are linked in. */
  static final Comparator<SpreadEvent> ORDER = Comparator.comparing(SpreadEvent::at)
      .thenComparing(e -> e.tenant().value())
      .thenComparing(e -> e.id().value());

  SpreadEvent {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(actor, "actor");
    requireNonNull(team, "team");
    requireNonNull(at, "at");
    requireNonNull(fromTeam, "fromTeam");
    requireNonNull(fromTenant, "fromTenant");
    requireNonNull(via, "via");
  }

  /** An event that adopts the innovation directly (or is the innovation). */
  SpreadEvent(TenantId tenant, EventId id, MemberId actor, Optional<TeamId> team, Instant at,
      Optional<String> fromTeam, Optional<String> fromTenant) {
    this(tenant, id, actor, team, at, fromTeam, fromTenant, Optional.empty());
  }

  /** The event of {@code tenant} with its attributes read; blank attributes count as absent. */
  static SpreadEvent of(TenantId tenant, Event e) {
    return new SpreadEvent(tenant, e.id(), e.actor(), e.team(), e.at(),
        e.attrs().string("fromTeam").filter(s -> !s.isBlank()),
        e.attrs().string("fromTenant").filter(s -> !s.isBlank()), Optional.empty());
  }

  /** The same adoption, continuing the lineage of the adoption {@code source}. */
  SpreadEvent via(EventId source) {
    return new SpreadEvent(tenant, id, actor, team, at, fromTeam, fromTenant, Optional.of(source));
  }

  /** The same event with its team filled in, when it had none. */
  SpreadEvent withTeam(Optional<TeamId> fallback) {
    return team.isPresent() ? this : new SpreadEvent(tenant, id, actor, fallback, at, fromTeam, fromTenant, via);
  }
}
