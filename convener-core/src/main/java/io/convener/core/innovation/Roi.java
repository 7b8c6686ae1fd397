package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ROI of one innovation in one tenant: each adopting team's first adoption (the origin team at
 * the innovation's time), every team's {@code outcome} values ({@code attrs.value} for the event's
 * {@code team}, optionally only those whose {@code attrs.name} matches, each read in the direction
 * its outcome declares so that a positive change is an improvement: {@link OutcomeDirection}), and
 * {@link RoiEstimator}.
 * The bootstrap is seeded by the innovation id, so a repeat gives the same interval. Reads only the
 * given tenant.
 */
final class Roi {
  private final SpreadReader reader;
  private final EventStore events;

  Roi(SpreadReader reader, EventStore events) {
    this.reader = requireNonNull(reader, "reader");
    this.events = requireNonNull(events, "events");
  }

  InnovationRoi roi(TenantId tenant, EventId innovation, Optional<String> outcome, Duration before, Duration after) {
    SpreadReader.Side side = reader.side(tenant, innovation);
    SpreadEvent root = side.innovation().orElseThrow(() -> new InvalidInputException("innovation",
        "tenant " + tenant.value() + " has no innovation " + innovation.value()));
    Map<TeamId, Instant> adopted = new HashMap<>();
    root.team().ifPresent(t -> adopted.put(t, root.at()));
    for (SpreadEvent a : side.adoptions()) {
      a.team().ifPresent(t -> adopted.merge(t, a.at(), (x, y) -> x.isBefore(y) ? x : y));
    }
    Map<TeamId, List<RoiEstimator.Point>> outcomes = new HashMap<>();
    events.scan(tenant, EventQuery.all().withKinds(Set.of(EventKind.OUTCOME)), e -> {
      if (e.team().isEmpty() || e.attrs().number("value").isEmpty()
          || outcome.isPresent() && !outcome.equals(e.attrs().string("name"))) {
        return;
      }
      outcomes.computeIfAbsent(e.team().get(), k -> new ArrayList<>())
          .add(new RoiEstimator.Point(e.at(),
              OutcomeDirection.of(e.attrs()).oriented(e.attrs().number("value").getAsDouble())));
    });
    RoiEstimator.Result r = new RoiEstimator(before, after).estimate(adopted, outcomes, innovation.value().hashCode());
    return new InnovationRoi(innovation, outcome, before, after, r.adopting(), r.comparison(), r.estimate(), r.reason(),
        0L);
  }
}
