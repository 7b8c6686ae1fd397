package io.convener.testing.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often a set of attributions credits the true originator: top-1 (the named contributor with
 * the largest share is the originator; ties go to the one listed first) and top-3 (the originator
 * is among the three largest). An outcome without an attribution, or attributed to nobody, counts
 * as a miss. Attributions should be computed with every member consenting, or the withheld are
 * misses too. Immutable.
 *
 * @param outcomes how many outcomes have a known originator
 * @param top1 how many credited the originator first
 * @param top3 how many credited the originator among the first three
 */
public record AttributionAccuracy(int outcomes, int top1, int top3) {
  /** Scores the attributions against the truth. */
  public static AttributionAccuracy of(Map<EventId, MemberId> originators, List<Attribution> attributions) {
    Map<EventId, Attribution> byOutcome = new java.util.HashMap<>();
    attributions.forEach(a -> byOutcome.put(a.outcome(), a));
    int top1 = 0;
    int top3 = 0;
    for (Map.Entry<EventId, MemberId> truth : originators.entrySet()) {
      Attribution a = byOutcome.get(truth.getKey());
      if (a == null) {
        continue;
      }
      List<Contribution> ranked = a.contributors();
      for (int i = 0; i < Math.min(3, ranked.size()); i++) {
        if (ranked.get(i).member().value().equals(truth.getValue())) {
          top1 += i == 0 ? 1 : 0;
          top3++;
          break;
        }
      }
    }
    return new AttributionAccuracy(originators.size(), top1, top3);
  }

  /** Top-1 accuracy in [0, 1]. */
  public double top1Rate() {
    return outcomes == 0 ? 0 : (double) top1 / outcomes;
  }

  /** Top-3 accuracy in [0, 1]. */
  public double top3Rate() {
    return outcomes == 0 ? 0 : (double) top3 / outcomes;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "top-1 %.1f%% (%d/%d), top-3 %.1f%% (%d/%d)",
        100 * top1Rate(), top1, outcomes, 100 * top3Rate(), top3, outcomes);
  }
}
