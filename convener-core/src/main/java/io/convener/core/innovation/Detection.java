package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.MemberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Detection for one tenant at a time: reads the tenant's thresholds on every call (so a change saved
 * by another process counts from the next call), its members once, and its events up to {@code
 * asOf} in one time-ordered scan into a {@link CandidateDetector}; then marks the candidates already
 * confirmed. Reads and writes only the tenant it is given. Thread-safe.
 */
final class Detection {
  private final EventStore events;
  private final MemberStore members;
  private final InnovationDetectionStore store;

  Detection(EventStore events, MemberStore members, InnovationDetectionStore store) {
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
    this.store = requireNonNull(store, "store");
  }

  /** The tenant's thresholds, the defaults when it saved none. */
  DetectionSettings settings(TenantId tenant) {
    return store.settings(tenant).orElse(DetectionSettings.defaults());
  }

  /** Saves the tenant's thresholds. */
  DetectionSettings save(TenantId tenant, DetectionSettings settings) {
    store.saveSettings(tenant, settings);
    return settings;
  }

  /** The candidates of the window ending at {@code asOf}. */
  CandidateReport candidates(TenantId tenant, Duration window, Instant asOf) {
    DetectionSettings settings = settings(tenant);
    CandidateDetector detector = detect(tenant, window, asOf, settings);
    Map<String, ConfirmedInnovation> confirmed = new HashMap<>();
    for (ConfirmedInnovation c : store.confirmed(tenant)) {
      confirmed.put(c.tag(), c);
    }
    List<InnovationCandidate> out = new ArrayList<>();
    for (InnovationCandidate c : detector.candidates()) {
      ConfirmedInnovation done = confirmed.get(c.tag());
      out.add(done == null ? c : new InnovationCandidate(c.tag(), c.originTeam(), c.firstSeen(), c.teams(),
          c.adopters(), Optional.of(done.innovation())));
    }
    return new CandidateReport(asOf, window, settings, out, 0);
  }

  /**
   * Confirms {@code tag} when it is a candidate of the window, or returns its earlier confirmation.
   *
   * @throws InvalidInputException (field {@code tag}) when the tag is no practice or no candidate,
   *     with the reason
   */
  ConfirmedInnovation confirm(TenantId tenant, String subject, String tag, Duration window, Instant asOf,
      Instant now) {
    String term = PracticeTerms.normalise(tag).orElseThrow(() -> new InvalidInputException("tag",
        "a practice tag is 1 to " + PracticeTerms.MAX_LENGTH + " characters without control characters"));
    Optional<ConfirmedInnovation> earlier = store.confirmed(tenant, InnovationCandidate.innovationId(term));
    if (earlier.isPresent()) {
      return earlier.get();
    }
    CandidateDetector.Verdict v = detect(tenant, window, asOf, settings(tenant)).verdict(term);
    InnovationCandidate c = v.candidate().orElseThrow(() -> new InvalidInputException("tag",
        "'" + term + "' is not a candidate innovation in the " + window.toDays() + "-day window ending at " + asOf
            + ": " + v.reason()));
    return store.confirm(tenant, new ConfirmedInnovation(term, InnovationCandidate.innovationId(term),
        c.originTeam(), c.firstSeen(), subject, now, 0));
  }

  private CandidateDetector detect(TenantId tenant, Duration window, Instant asOf, DetectionSettings settings) {
    Map<MemberId, List<TeamId>> teams = new HashMap<>();
    for (Member m : members.listPseudonymous(tenant)) {
      teams.put(m.id(), m.teams());
    }
    CandidateDetector detector = new CandidateDetector(asOf.minus(window), asOf, settings,
        m -> teams.getOrDefault(m, List.of()));
    EventQuery upToAsOf = new EventQuery(Optional.empty(), Optional.of(asOf.plusNanos(1)), Set.of(), Optional.empty());
    events.scan(tenant, upToAsOf, detector::accept);
    return detector;
  }
}
