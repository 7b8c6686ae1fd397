package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.EventId;
import io.convener.api.model.EventKind;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.core.internal.schedule.SchedulerPrincipal;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@value #NAME}: judges every innovation of the tenant and, when one is a successful pattern,
 * pushes it to the leads of the teams that have not adopted it, through the gate as the {@link
 * SchedulerPrincipal} ({@link InnovationSpread#pushIfSuccessful}). Each push is keyed by innovation
 * and team, so a lead is told once however often the job runs.
 */
final class PatternPushJob implements ScheduledJob {
  static final String NAME = "innovation.push";

  private final InnovationSpread spread;
  private final EventStore events;

  @Inject
  PatternPushJob(InnovationSpread spread, EventStore events) {
    this.spread = requireNonNull(spread, "spread");
    this.events = requireNonNull(events, "events");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return settings.innovationPush();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    List<EventId> innovations = new ArrayList<>();
    events.scan(tenant, EventQuery.all().withKinds(Set.of(EventKind.INNOVATION)), e -> innovations.add(e.id()));
    for (EventId innovation : innovations) {
      spread.pushIfSuccessful(SchedulerPrincipal.of(tenant), innovation);
    }
  }
}
