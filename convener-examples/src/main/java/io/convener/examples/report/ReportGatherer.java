package io.convener.examples.report;

import static java.util.Objects.requireNonNull;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkQuery;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the services for what a report shows, as one principal: each team's pulse trend (one series
 * call per team), the champion ranking, the network, an innovation's spread and the learning
 * attributions and the feedback counts per team. Every call passes the gate and leaves its provenance entry. Stateless.
 */
public final class ReportGatherer {
  /** Windows in each team's trend. */
  public static final int POINTS = 8;
  /** Distance between the trend's windows. */
  public static final Duration STEP = Duration.ofDays(7);

  private ReportGatherer() {}

  /**
   * Gathers a report.
   *
   * @param convener the running Convener
   * @param principal who asks (needs a role that may see every team's pulse, the metrics and the log)
   * @param asOf the instant the report describes
   * @param window the window of the ranking and the network
   * @param innovation the innovation whose spread to draw, if any
   */
  public static ReportData gather(Convener convener, Principal principal, Instant asOf, Duration window,
      Optional<EventId> innovation) {
    requireNonNull(convener, "convener");
    List<PulseSeries> teams = new ArrayList<>();
    for (PulseScope scope : convener.pulse().scopes(principal)) {
      if (scope instanceof PulseScope.Team) {
        teams.add(convener.pulse().series(principal, PulseRequest.of(scope, asOf), POINTS, STEP));
      }
    }
    ChampionRanking champions = convener.champions().rank(principal,
        ChampionQuery.builder().asOf(asOf).window(window).limit(15).build());
    NetworkGraph network = convener.champions().network(principal, NetworkQuery.defaults().withWindow(window)
        .withAsOf(asOf));
    Optional<SpreadReport> spread = Optional.empty();
    String absent = "No innovation was named for this report (convener report --innovation ID).";
    if (innovation.isPresent()) {
      try {
        spread = Optional.of(convener.innovation().spread(principal, innovation.get()));
      } catch (InvalidInputException e) {
        absent = "The tenant has no innovation " + innovation.get().value() + ".";
      }
    }
    List<Attribution> attributions = convener.learning().attribute(principal, AttributionRequest.all().until(asOf));
    return new ReportData(principal.tenant(), asOf, teams, champions, network, spread, absent, attributions,
        convener.feedback().rates(principal));
  }
}
