package io.convener.examples.report;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.feedback.TeamFeedback;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.learning.Attribution;
import io.convener.api.pulse.PulseSeries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report shows, every part a result the services returned through the consent gate.
 *
 * @param tenant whose report
 * @param asOf the instant the report describes
 * @param teams each team's pulse series, oldest window first
 * @param champions the champion ranking
 * @param network the interaction network
 * @param spread the most adopted innovation's spread, if one was given
 * @param spreadAbsent why there is no spread to show (used when {@code spread} is empty)
 * @param attributions the learning attributions of the tenant's outcomes
 * @param feedback the feedback counts per team
 */
public record ReportData(
    TenantId tenant,
    Instant asOf,
    List<PulseSeries> teams,
    ChampionRanking champions,
    NetworkGraph network,
    Optional<SpreadReport> spread,
    String spreadAbsent,
    List<Attribution> attributions,
    List<TeamFeedback> feedback) {
  /** Validates and copies. */
  public ReportData {
    requireNonNull(tenant, "tenant");
    requireNonNull(asOf, "asOf");
    teams = List.copyOf(requireNonNull(teams, "teams"));
    requireNonNull(champions, "champions");
    requireNonNull(network, "network");
    requireNonNull(spread, "spread");
    requireNonNull(spreadAbsent, "spreadAbsent");
    attributions = List.copyOf(requireNonNull(attributions, "attributions"));
    feedback = List.copyOf(requireNonNull(feedback, "feedback"));
  }
}
