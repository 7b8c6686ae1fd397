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
    Map<EventId, List<MemberId>> ranked = new java.util.HashMap<>();
    for (Attribution a : attributions) {
      ranked.put(a.outcome(), a.contributors().stream().map((Contribution c) -> c.member().value()).toList());
    }
    return ofRanked(originators, ranked);
  }

  /**
   * Scores each outcome's contributors, ranked largest share first, against the truth (as {@code
   * OfflineAttribution.ranked} in convener-core gives them).
   */
  public static AttributionAccuracy ofRanked(Map<EventId, MemberId> originators, Map<EventId, List<MemberId>> ranked) {
    int top1 = 0;
    int top3 = 0;
    for (Map.Entry<EventId, MemberId> truth : originators.entrySet()) {
      List<MemberId> r = ranked.getOrDefault(truth.getKey(), List.of());
      int at = r.subList(0, Math.min(3, r.size())).indexOf(truth.getValue());
      top1 += at == 0 ? 1 : 0;
      top3 += at >= 0 ? 1 : 0;
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
