package io.convener.benchmarks;

import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.OutcomeDirection;
import io.convener.core.internal.learning.OfflineAttribution;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attribution accuracy table of {@code docs/learning.md}: top-1 and top-3 accuracy of the
 * learning catalyst against the true originators of {@link LearningScenario}, across noise levels
 * (default model), across models (default noise) and for lower-is-better outcomes, pooled over
 * several seeds. Each generated organisation is attributed in memory ({@link OfflineAttribution}:
 * the catalyst's lineage, weights and models without the store, as if every member consented;
 * {@code AttributionAccuracyTest} checks that the catalyst behind the API ranks the same). Not a
 * timing benchmark.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.LearningAccuracyRunner [outcomes] [seeds...]
 * </pre>
 */
public final class LearningAccuracyRunner {
  private static final double[] NOISE = {0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1.0};

  private LearningAccuracyRunner() {}

  /** Defaults: 300 outcomes per organisation, seeds 11 to 15 (the weights were fitted on seeds 1 to 10). */
  public static void main(String[] args) {
    int outcomes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    long[] seeds = args.length > 1
        ? java.util.Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
        : new long[] {11, 12, 13, 14, 15};
    System.out.printf(Locale.ROOT, "%d outcomes per organisation, seeds %s%n%n", outcomes, java.util.Arrays.toString(seeds));
    System.out.println("| noise | top-1 | top-3 | outcomes |");
    System.out.println("|---:|---:|---:|---:|");
    Map<AttributionModel, AttributionAccuracy> byModel = new LinkedHashMap<>();
    StringBuilder perSeed = new StringBuilder("top-1 per seed at the default noise:");
    for (double noise : NOISE) {
      AttributionAccuracy pooled = new AttributionAccuracy(0, 0, 0);
      for (long seed : seeds) {
        boolean byDefault = noise == LearningScenario.DEFAULT_NOISE;
        Map<AttributionModel, AttributionAccuracy> r = run(LearningScenario.builder(seed).noise(noise).outcomes(outcomes).build(),
            byDefault ? AttributionModel.all() : List.of(AttributionModel.defaultModel()));
        AttributionAccuracy a = r.get(AttributionModel.defaultModel());
        pooled = plus(pooled, a);
        if (byDefault) {
          perSeed.append(String.format(Locale.ROOT, " %d: %.1f%%", seed, 100 * a.top1Rate()));
          r.forEach((m, acc) -> byModel.merge(m, acc, LearningAccuracyRunner::plus));
        }
      }
      row(String.format(Locale.ROOT, "%.2f%s", noise, noise == LearningScenario.DEFAULT_NOISE ? " (default)" : ""), pooled);
    }
    System.out.println();
    System.out.println(perSeed);
    System.out.println();
    System.out.printf(Locale.ROOT, "| model (noise %.2f) | top-1 | top-3 | outcomes |%n", LearningScenario.DEFAULT_NOISE);
    System.out.println("|---|---:|---:|---:|");
    byModel.forEach((m, a) -> row(m.wireName() + (m.equals(AttributionModel.defaultModel()) ? " (default)" : ""), a));
    System.out.println();
    System.out.println("| lower-is-better outcomes | top-1 | top-3 | outcomes |");
    System.out.println("|---|---:|---:|---:|");
    for (double noise : new double[] {LearningScenario.DEFAULT_NOISE, 0.25}) {
      AttributionAccuracy pooled = new AttributionAccuracy(0, 0, 0);
      for (long seed : seeds) {
        LearningScenario s = LearningScenario.builder(seed).noise(noise).outcomes(outcomes)
            .direction(OutcomeDirection.LOWER_IS_BETTER).build();
        pooled = plus(pooled, run(s, List.of(AttributionModel.defaultModel())).get(AttributionModel.defaultModel()));
      }
      row(String.format(Locale.ROOT, "noise %.2f", noise), pooled);
    }
  }

  private static void row(String label, AttributionAccuracy a) {
    System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %d |%n", label, 100 * a.top1Rate(), 100 * a.top3Rate(), a.outcomes());
  }

  private static AttributionAccuracy plus(AttributionAccuracy a, AttributionAccuracy b) {
    return new AttributionAccuracy(a.outcomes() + b.outcomes(), a.top1() + b.top1(), a.top3() + b.top3());
  }

  /** Scores every model asked for on the organisation. */
  private static Map<AttributionModel, AttributionAccuracy> run(LearningScenario s, List<AttributionModel> models) {
    Map<AttributionModel, AttributionAccuracy> out = new LinkedHashMap<>();
    for (AttributionModel model : models) {
      out.put(model, AttributionAccuracy.ofRanked(s.originators(),
          OfflineAttribution.ranked(s.members(), s.events(), model, OfflineAttribution.weights())));
    }
    return out;
  }
}
