package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.NamesPeople;
import io.convener.api.pulse.Staleness;
import java.util.List;
import java.util.Optional;

/**
 * Who originated what led to one outcome, under one model. The contributors' shares and the
 * withheld share sum to 1 when anything was found in the outcome's lineage, and are all 0 when
 * nothing was. Contributors without consent for {@code learning.attribution} are not named: they
 * are counted in {@link #withheld()} and their credit is reported as {@link #withheldShare()}, not
 * handed to the named ones, so a named share is the same whoever consents. Immutable.
 *
 * @param outcome the outcome event
 * @param model the model that split the credit
 * @param contributors the named contributors, largest share first
 * @param withheld how many contributors were left out for lack of consent
 * @param withheldShare the sum of their shares
 * @param stale why the attribution is not fresh, if it is not: the store failed, and this is the
 *     last one computed for the same request, naming only the contributors whose consent could be
 *     re-checked (see {@link #asStale})
 * @param provenanceId the sequence of the provenance entry of the call that produced it; {@link
 *     #UNSTAMPED} only inside the service, before the call is recorded
 */
public record Attribution(
    EventId outcome,
    AttributionModel model,
    List<Contribution> contributors,
    int withheld,
    double withheldShare,
    Optional<Staleness> stale,
    long provenanceId) implements NamesPeople {
  /** The provenance id of a result that has not left its service yet. */
  public static final long UNSTAMPED = -1;

  private static final double TOLERANCE = 1e-9;

  /** Validates: shares in range and summing to 1 (or all 0), counts not negative. */
  public Attribution {
    requireNonNull(outcome, "outcome");
    requireNonNull(model, "model");
    contributors = List.copyOf(requireNonNull(contributors, "contributors"));
    if (withheld < 0) {
      throw new IllegalArgumentException("withheld must be >= 0, got " + withheld);
    }
    if (!(withheldShare >= 0 && withheldShare <= 1 + TOLERANCE) || (withheld == 0 && withheldShare > 0)) {
      throw new IllegalArgumentException("withheldShare must be in [0, 1], and 0 when nobody is withheld, got "
          + withheldShare);
    }
    double total = withheldShare;
    for (Contribution c : contributors) {
      total += c.share();
    }
    boolean empty = contributors.isEmpty() && withheld == 0;
    if (!empty && Math.abs(total - 1) > TOLERANCE) {
      throw new IllegalArgumentException("shares must sum to 1, got " + total);
    }
    if (provenanceId < UNSTAMPED) {
      throw new IllegalArgumentException("provenanceId must be >= -1, got " + provenanceId);
    }
    requireNonNull(stale, "stale");
  }

  /** A fresh attribution. */
  public Attribution(EventId outcome, AttributionModel model, List<Contribution> contributors, int withheld,
      double withheldShare, long provenanceId) {
    this(outcome, model, contributors, withheld, withheldShare, Optional.empty(), provenanceId);
  }

  /**
   * This attribution served stale, unstamped: it names only {@code named} of its contributors
   * (those whose consent could be re-checked); the others are counted as withheld, with their share.
   *
   * @param named the contributors still named, a subset of {@link #contributors()}
   * @param why when the attribution was computed, and what failed
   */
  public Attribution asStale(List<Contribution> named, Staleness why) {
    if (!contributors.containsAll(named)) {
      throw new IllegalArgumentException("a stale attribution names a subset of its contributors");
    }
    double dropped = 0;
    for (Contribution c : contributors) {
      if (!named.contains(c)) {
        dropped += c.share();
      }
    }
    int count = contributors.size() - named.size();
    return new Attribution(outcome, model, named, withheld + count, Math.min(1, withheldShare + dropped),
        Optional.of(why), UNSTAMPED);
  }

  /** Whether anything was found in the outcome's lineage. */
  public boolean attributed() {
    return !contributors.isEmpty() || withheld > 0;
  }

  /** This attribution with the id of the provenance entry that recorded it. */
  public Attribution withProvenanceId(long id) {
    return new Attribution(outcome, model, contributors, withheld, withheldShare, stale, id);
  }

  @Override
  public List<Disclosed<?>> disclosures() {
    return contributors.stream().<Disclosed<?>>map(Contribution::member).toList();
  }
}
