package io.convener.core.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.core.ScheduleSettings;
import io.convener.core.internal.schedule.ScheduledJob;
import io.convener.core.internal.schedule.SchedulerPrincipal;
import io.convener.spi.storage.PulseWatcherStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * {@value #NAME}: evaluates the pulse of every scope of the tenant that has watchers, as of the
 * run, through the gate as the {@link SchedulerPrincipal}, so that each watcher who consents is
 * told of a new risk without anyone asking for a pulse: the report's risks go to the outbox as the
 * pulse call of anybody else would send them. Risk messages are keyed by scope, risk and day, so
 * evaluating a scope again the same day tells nobody twice.
 */
final class RiskWatchJob implements ScheduledJob {
  static final String NAME = "pulse.risks";

  private final PulseAggregator pulse;
  private final PulseWatcherStore watchers;

  @Inject
  RiskWatchJob(PulseAggregator pulse, PulseWatcherStore watchers) {
    this.pulse = requireNonNull(pulse, "pulse");
    this.watchers = requireNonNull(watchers, "watchers");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration period(ScheduleSettings settings) {
    return settings.pulseRisks();
  }

  @Override
  public void run(TenantId tenant, Instant now) {
    for (ScopeWatchers watched : watchers.findAll(tenant)) {
      if (!watched.members().isEmpty()) {
        pulse.report(SchedulerPrincipal.of(tenant), PulseRequest.of(watched.scope(), now));
      }
    }
  }
}
