package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.PulseSeries;
import io.convener.core.Conveners;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The back-test table of the pulse projections in {@code docs/pulse.md}. For each seed, a
 * synthetic organisation (300 members, 40 weeks, its declining, fading and low-safety teams
 * included) is ingested into a fresh in-memory H2 database, and each team's weekly series of
 * 28-day windows (34 points) is read once. Then, at every origin from the fifth point on, the
 * series up to the origin is projected one step ahead with {@link PulseProjection} and compared
 * with the next point's true value, where that point is shown: how often the truth falls inside
 * the 80% and 95% intervals, and the mean absolute error of the projection against a naive
 * forecast (the last shown value). Not a timing benchmark.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.PulseProjectionBacktest [seeds...]
 * </pre>
 */
public final class PulseProjectionBacktest {
  private static final TenantId TENANT = TenantId.of("backtest");
  private static final Principal ADMIN = Principal.of(TENANT, "runner", Role.ADMIN);
  private static final List<PulseMetric> METRICS = List.of(PulseMetric.PARTICIPATION_RATE,
      PulseMetric.EVENTS_PER_MEMBER, PulseMetric.RESPONSE_RATE, PulseMetric.RECIPROCITY, PulseMetric.SENTIMENT,
      PulseMetric.PSYCH_SAFETY);
  private static final int POINTS = 34;

  private PulseProjectionBacktest() {}

  /** Defaults: seeds 101 to 105, chosen before looking at any result. */
  public static void main(String[] args) {
    long[] seeds = args.length > 0 ? Arrays.stream(args).mapToLong(Long::parseLong).toArray()
        : new long[] {101, 102, 103, 104, 105};
    Map<PulseMetric, Tally> tallies = new LinkedHashMap<>();
    METRICS.forEach(m -> tallies.put(m, new Tally()));
    Tally all = new Tally();
    int teams = 0;
    for (long seed : seeds) {
      GeneratedOrganisation org = SyntheticOrganisation.builder().seed(seed).members(300).weeks(40).build().generate();
      try (Convener c = Conveners.builder().database("jdbc:h2:mem:backtest-" + UUID.randomUUID()).build()) {
        c.ingest().submit(ADMIN, org.members(), org.events().toList());
        for (SyntheticTeam team : org.teams()) {
          teams++;
          PulseSeries series = c.pulse().series(ADMIN, PulseRequest.of(PulseScope.team(team.id()), org.end()), POINTS,
              Duration.ofDays(7));
          for (PulseMetric m : METRICS) {
            backtest(series, m, tallies.get(m), all);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "seeds %s, %d team series of %d weekly points (28-day windows)%n%n",
        Arrays.toString(seeds), teams, POINTS);
    System.out.println("| metric | forecasts | inside 80% | inside 95% | MAE, Holt | MAE, last value | Holt / last value |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    tallies.forEach((m, t) -> t.print(m.wireName()));
    all.print("all (MAE not comparable across metrics)");
  }

  private static void backtest(PulseSeries series, PulseMetric metric, Tally tally, Tally all) {
    List<PulseReport> points = series.points();
    for (int origin = PulseProjection.MIN_POINTS; origin < points.size(); origin++) {
      PulseReport next = points.get(origin);
      OptionalDouble truth = next.isSuppressed() ? OptionalDouble.empty() : next.metrics().get(metric);
      if (truth.isEmpty()) {
        continue;
      }
      PulseSeries past = new PulseSeries(series.scope(), series.step(), points.subList(0, origin), OptionalLong.empty());
      OptionalDouble naive = lastShown(past, metric);
      PulseProjection.of(past, metric).ifPresent(p -> {
        tally.add(p, truth.getAsDouble(), naive.orElseThrow());
        all.add(p, truth.getAsDouble(), naive.orElseThrow());
      });
    }
  }

  private static OptionalDouble lastShown(PulseSeries s, PulseMetric metric) {
    for (int i = s.points().size() - 1; i >= 0; i--) {
      PulseReport p = s.points().get(i);
      if (!p.isSuppressed() && p.metrics().get(metric).isPresent()) {
        return p.metrics().get(metric);
      }
    }
    return OptionalDouble.empty();
  }

  /** Counts for one row of the table. */
  private static final class Tally {
    private int n;
    private int in80;
    private int in95;
    private double holtError;
    private double naiveError;

    void add(PulseProjection p, double truth, double naive) {
      n++;
      in80 += p.low() <= truth && truth <= p.high() ? 1 : 0;
      in95 += p.low95() <= truth && truth <= p.high95() ? 1 : 0;
      holtError += Math.abs(p.value() - truth);
      naiveError += Math.abs(naive - truth);
    }

    void print(String name) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% | %.4f | %.4f | %.2f |%n", name, n, 100.0 * in80 / n,
          100.0 * in95 / n, holtError / n, naiveError / n, holtError / naiveError);
    }
  }
}
