package io.convener.core.internal.region;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.innovation.ReplicationSuggestions;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.innovation.SuccessfulPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Innovation spread over regions: every call goes to the principal's region, and a sharing
 * agreement with a tenant of another region (or of no region yet) is refused before anything is
 * written. A spread reads only the database of the viewer's region, so a tenant of another region
 * is never an agreement's counterpart there, its side is never read, and no row, pseudonym or
 * reason about it is written: across regions nothing is shared. Thread-safe.
 */
final class RegionalInnovationSpread implements InnovationSpread {
  private final RegionRouter router;
  private final InnovationSpread routed;

  RegionalInnovationSpread(RegionRouter router, InnovationSpread routed) {
    this.router = requireNonNull(router, "router");
    this.routed = requireNonNull(routed, "routed");
  }

  @Override
  public SpreadReport spread(Principal principal, EventId innovation, Duration exposureWindow) {
    return routed.spread(principal, innovation, exposureWindow);
  }

  /**
   * Records the agreement in the principal's region when the counterpart is in the same region.
   *
   * @throws IllegalArgumentException when the counterpart is in another region or in none
   */
  @Override
  public SharingAgreement agree(Principal principal, SharingTerms terms) {
    requireNonNull(terms, "terms");
    String own = router.route(principal.tenant()).name();
    TenantId counterpart = terms.counterpart();
    Optional<String> theirs = router.locate(counterpart);
    if (theirs.isEmpty() || !theirs.get().equals(own)) {
      throw new IllegalArgumentException("sharing innovations with tenant '" + counterpart.value()
          + "' is refused: tenant '" + principal.tenant().value() + "' is in region '" + own + "' and tenant '"
          + counterpart.value() + "' is " + theirs.map(r -> "in region '" + r + "'").orElse("in no region yet")
          + ", and data does not cross regions");
    }
    return routed.agree(principal, terms);
  }

  @Override
  public boolean withdraw(Principal principal, SharingTerms terms) {
    return routed.withdraw(principal, terms);
  }

  @Override
  public List<SharingAgreement> agreements(Principal principal) {
    return routed.agreements(principal);
  }

  @Override
  public SuccessfulPattern pushIfSuccessful(Principal principal, EventId innovation) {
    return routed.pushIfSuccessful(principal, innovation);
  }

  @Override
  public CandidateReport candidates(Principal principal, Duration window, Instant asOf) {
    return routed.candidates(principal, window, asOf);
  }

  @Override
  public ConfirmedInnovation confirm(Principal principal, String tag, Duration window, Instant asOf) {
    return routed.confirm(principal, tag, window, asOf);
  }

  @Override
  public DetectionSettings detectionSettings(Principal principal) {
    return routed.detectionSettings(principal);
  }

  @Override
  public DetectionSettings saveDetectionSettings(Principal principal, DetectionSettings settings) {
    return routed.saveDetectionSettings(principal, settings);
  }

  @Override
  public ReplicationSuggestions suggest(Principal principal, EventId innovation, int limit, Instant asOf) {
    return routed.suggest(principal, innovation, limit, asOf);
  }

  @Override
  public InnovationRoi roi(Principal principal, EventId innovation, Optional<String> outcome, Duration before,
      Duration after) {
    return routed.roi(principal, innovation, outcome, before, after);
  }
}
