package io.convener.api.innovation;

import io.convener.api.EventId;
import io.convener.api.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Traces how a practice spreads: its lineage tree of adoptions and the metrics of that cascade,
 * across teams and, under sharing agreements, across tenants. Every call passes the choke point
 * and leaves one provenance entry; a spread's entry records each {@code wasDerivedFrom} edge of the
 * lineage, and every rejected adoption with its reason.
 *
 * <p>People are named only with their consent for {@code innovation.attribution}; the other
 * tenant's people and teams appear only as pseudonymous references. Implementations are
 * thread-safe and never return null.
 */
public interface InnovationSpread {
  /** Default window for the earliest-exposure rule: 30 days before the adoption. */
  Duration DEFAULT_EXPOSURE_WINDOW = Duration.ofDays(30);

  /**
   * The lineage and metrics of the innovation {@code innovation} as the principal's tenant may see
   * them, with the default exposure window. Admins, community managers and team leads may ask.
   *
   * @throws io.convener.api.InvalidInputException (field {@code innovation}) when the tenant has
   *     neither the innovation nor an adoption of it
   */
  default SpreadReport spread(Principal principal, EventId innovation) {
    return spread(principal, innovation, DEFAULT_EXPOSURE_WINDOW);
  }

  /**
   * As {@link #spread(Principal, EventId)}, with the window inside which an adoption without an
   * explicit source is attributed to its earliest exposure.
   *
   * @param exposureWindow how far before an adoption an exposure counts; positive
   * @throws io.convener.api.InvalidInputException (field {@code innovation}) when the tenant has
   *     neither the innovation nor an adoption of it
   * @throws IllegalArgumentException when the window is not positive
   * @throws io.convener.api.AccessDeniedException unless the principal is an admin, community
   *     manager or team lead
   */
  SpreadReport spread(Principal principal, EventId innovation, Duration exposureWindow);

  /**
   * Records one side of a sharing agreement for the principal's tenant, replacing the same terms
   * recorded before. Admins only.
   *
   * @throws io.convener.api.AccessDeniedException unless the principal is an admin
   * @throws IllegalArgumentException when the counterpart is the principal's own tenant
   */
  SharingAgreement agree(Principal principal, SharingTerms terms);

  /**
   * Withdraws one side of a sharing agreement of the principal's tenant; adoptions that relied on
   * it are rejected from the next spread on. Admins only.
   *
   * @return whether the tenant had recorded those terms
   */
  boolean withdraw(Principal principal, SharingTerms terms);

  /** The sharing agreements the principal's tenant has recorded, ordered by direction and counterpart. */
  List<SharingAgreement> agreements(Principal principal);

  /**
   * Judges whether the innovation is a successful pattern in the principal's tenant (see {@link
   * SuccessfulPattern}) and, when it is, pushes it through every notification channel to the
   * leads of the tenant's teams that have not adopted it yet (a team's lead: the member who
   * reports most of its outcomes). Admins and community managers.
   *
   * @throws io.convener.api.InvalidInputException (field {@code innovation}) when the tenant has no
   *     such innovation
   */
  SuccessfulPattern pushIfSuccessful(Principal principal, EventId innovation);

  /** Default window for detecting candidate innovations: practices first seen in the last 180 days. */
  Duration DEFAULT_DETECTION_WINDOW = Duration.ofDays(180);

  /**
   * The practices (event tags, {@code attrs.practice}/{@code practices}/{@code skills}) that first
   * appeared in the window ending at {@code asOf}, started in one team and were taken up by others
   * as the tenant's {@link DetectionSettings} ask. Admins, community managers and team leads.
   *
   * @param window how far before {@code asOf} a practice's first appearance may lie; positive
   * @throws IllegalArgumentException when the window is not positive
   */
  CandidateReport candidates(Principal principal, Duration window, Instant asOf);

  /**
   * Confirms a candidate as an innovation, which {@link #spread} then traces under {@link
   * InnovationCandidate#innovationId}; confirming a confirmed tag again returns the first
   * confirmation. Admins and community managers.
   *
   * @throws io.convener.api.InvalidInputException (field {@code tag}) when the tag is no candidate in
   *     the window, with the reason
   */
  ConfirmedInnovation confirm(Principal principal, String tag, Duration window, Instant asOf);

  /** The tenant's detection thresholds. Admins, community managers and team leads. */
  DetectionSettings detectionSettings(Principal principal);

  /** Saves the tenant's detection thresholds. Admins only. */
  DetectionSettings saveDetectionSettings(Principal principal, DetectionSettings settings);

  /** Default number of replication suggestions. */
  int DEFAULT_SUGGESTION_LIMIT = 5;

  /** The most replication suggestions one call returns. */
  int MAX_SUGGESTION_LIMIT = 100;

  /**
   * The teams of the principal's tenant most likely to benefit from the innovation that had not
   * adopted it by {@code asOf}: teams that collaborate with the adopting teams and teams whose
   * practice terms resemble theirs, each with its evidence. Names teams only. Admins, community
   * managers and team leads.
   *
   * @param limit how many suggestions, 1 to {@link #MAX_SUGGESTION_LIMIT}
   * @throws io.convener.api.InvalidInputException (field {@code innovation}) when the tenant has no
   *     such innovation by {@code asOf}
   * @throws IllegalArgumentException when the limit is out of range
   */
  ReplicationSuggestions suggest(Principal principal, EventId innovation, int limit, Instant asOf);

  /** Default windows compared before and after an adoption for {@link #roi}: 28 days each. */
  Duration DEFAULT_ROI_WINDOW = Duration.ofDays(28);

  /**
   * The return on the innovation: difference in differences of team {@code outcome} values (see
   * {@link InnovationRoi}), with a seeded bootstrap interval over teams, or the reason there is not
   * enough data. Team level only. Admins, community managers and team leads.
   *
   * @param outcome only outcomes whose {@code attrs.name} is this, or empty for all
   * @param before the window before each adoption; positive
   * @param after the window after each adoption; positive
   * @throws io.convener.api.InvalidInputException (field {@code innovation}) when the tenant has no
   *     such innovation
   * @throws IllegalArgumentException when a window is not positive
   */
  InnovationRoi roi(Principal principal, EventId innovation, Optional<String> outcome, Duration before,
      Duration after);
}
