package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The candidate innovations of a tenant in one window, most teams first (then most adopters, then
 * earliest, then tag). Immutable.
 *
 * @param asOf the end of the window; events after it are not read
 * @param window how far back from {@code asOf} a practice's first appearance may lie
 * @param settings the thresholds applied
 * @param candidates the candidates
 * @param provenanceId the id of the provenance entry of the call
 */
public record CandidateReport(
    Instant asOf, Duration window, DetectionSettings settings, List<InnovationCandidate> candidates,
    long provenanceId) {
  /** Validates and copies. */
  public CandidateReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    requireNonNull(settings, "settings");
    candidates = List.copyOf(candidates);
  }

  /** The report with its provenance id. */
  public CandidateReport withProvenanceId(long id) {
    return new CandidateReport(asOf, window, settings, candidates, id);
  }
}
