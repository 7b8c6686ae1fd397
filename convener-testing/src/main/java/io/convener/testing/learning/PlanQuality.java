package io.convener.testing.learning;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How well ranked lists anticipate later applications, over the members that applied anything
 * later: hit rate at k (the share of members with at least one later-applied artifact among their
 * first k) and precision at k (later-applied artifacts among the first k, divided by k, averaged
 * over the members). Immutable.
 *
 * @param members how many members were scored
 * @param hitRate hit rate at k, in [0, 1]
 * @param precision precision at k, in [0, 1]
 */
public record PlanQuality(int members, double hitRate, double precision) {
  /**
   * Scores the lists.
   *
   * @param truth each member's later applications
   * @param ranked each member's ranked list (only its first k count)
   */
  public static PlanQuality of(Map<MemberId, Set<EventId>> truth, Function<MemberId, List<EventId>> ranked, int k) {
    int n = 0;
    int hits = 0;
    double precision = 0;
    for (Map.Entry<MemberId, Set<EventId>> e : truth.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<EventId> top = ranked.apply(e.getKey());
      long found = top.stream().limit(k).filter(e.getValue()::contains).count();
      n++;
      hits += found > 0 ? 1 : 0;
      precision += (double) found / k;
    }
    return n == 0 ? new PlanQuality(0, 0, 0) : new PlanQuality(n, (double) hits / n, precision / n);
  }
}
