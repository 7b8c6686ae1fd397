package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.learning.Contribution;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo's learning section: attributes every outcome and shows whose learning caught on most. */
final class LearningSection {
  private LearningSection() {}

  static void print(PrintWriter out, Convener convener, TenantId tenant, Instant asOf) {
    List<Attribution> all = convener.learning().attribute(GlobalOptions.operator(tenant), AttributionRequest.all().until(asOf));
    long attributed = all.stream().filter(Attribution::attributed).count();
    long explicit = all.stream().filter(a -> a.contributors().stream().anyMatch(c -> !c.evidence().isEmpty()
        && c.evidence().get(0).rule().wireName().equals("explicit-ref"))).count();
    Map<MemberId, Double> credit = new HashMap<>();
    Map<MemberId, Integer> outcomes = new HashMap<>();
    int withheld = 0;
    for (Attribution a : all) {
      withheld += a.withheld();
      for (Contribution c : a.contributors()) {
        credit.merge(c.member().value(), c.share(), Double::sum);
        outcomes.merge(c.member().value(), 1, Integer::sum);
      }
    }
    out.printf("Learning catalyst (shapley model): %d outcomes, %d traced to learning (%d by an explicit reference%n",
        all.size(), attributed, explicit);
    out.printf("  among the named), %d contributions withheld for lack of consent. Most catalytic learning:%n", withheld);
    credit.entrySet().stream()
        .sorted(Map.Entry.<MemberId, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .forEach(e -> out.printf("  %-12s %5.2f outcomes' worth of credit over %d outcomes%n",
            e.getKey().value(), e.getValue(), outcomes.get(e.getKey())));
    out.println();
    out.flush();
  }
}
