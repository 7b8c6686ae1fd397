package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The attribution accuracy table of {@code docs/learning.md}: top-1 and top-3 accuracy of the
 * learning catalyst against the true originators of {@link LearningScenario}, across noise levels
 * (default model) and across models (default noise), pooled over several seeds. Each run ingests
 * one generated organisation into a fresh in-memory H2 database where every member consents to
 * {@code learning.attribution}, and attributes every outcome. Not a timing benchmark.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.LearningAccuracyRunner [outcomes] [seeds...]
 * </pre>
 */
public final class LearningAccuracyRunner {
  private static final TenantId TENANT = TenantId.of("accuracy");
  private static final Principal ADMIN = Principal.of(TENANT, "runner", Role.ADMIN);
  private static final double[] NOISE = {0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8, 1.0};

  private LearningAccuracyRunner() {}

  /** Defaults: 300 outcomes per organisation, seeds 11 to 15 (the weights were set on seeds 1 to 3). */
  public static void main(String[] args) {
    int outcomes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    long[] seeds = args.length > 1
        ? java.util.Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
        : new long[] {11, 12, 13, 14, 15};
    System.out.printf(Locale.ROOT, "%d outcomes per organisation, seeds %s%n%n", outcomes, java.util.Arrays.toString(seeds));
    System.out.println("| noise | top-1 | top-3 | outcomes |");
    System.out.println("|---:|---:|---:|---:|");
    for (double noise : NOISE) {
      row(String.format(Locale.ROOT, "%.2f%s", noise, noise == LearningScenario.DEFAULT_NOISE ? " (default)" : ""),
          pooled(seeds, outcomes, noise, AttributionModel.defaultModel()));
    }
    System.out.println();
    StringBuilder perSeed = new StringBuilder("top-1 per seed at the default noise:");
    for (long seed : seeds) {
      AttributionAccuracy a = pooled(new long[] {seed}, outcomes, LearningScenario.DEFAULT_NOISE, AttributionModel.defaultModel());
      perSeed.append(String.format(Locale.ROOT, " %d: %.1f%%", seed, 100 * a.top1Rate()));
    }
    System.out.println(perSeed);
    System.out.println();
    System.out.printf(Locale.ROOT, "| model (noise %.2f) | top-1 | top-3 | outcomes |%n", LearningScenario.DEFAULT_NOISE);
    System.out.println("|---|---:|---:|---:|");
    for (AttributionModel m : AttributionModel.all()) {
      row(m.wireName() + (m.equals(AttributionModel.defaultModel()) ? " (default)" : ""),
          pooled(seeds, outcomes, LearningScenario.DEFAULT_NOISE, m));
    }
  }

  private static void row(String label, AttributionAccuracy a) {
    System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %d |%n", label, 100 * a.top1Rate(), 100 * a.top3Rate(), a.outcomes());
  }

  private static AttributionAccuracy pooled(long[] seeds, int outcomes, double noise, AttributionModel model) {
    int n = 0;
    int top1 = 0;
    int top3 = 0;
    for (long seed : seeds) {
      AttributionAccuracy a = run(LearningScenario.builder(seed).noise(noise).outcomes(outcomes).build(), model);
      n += a.outcomes();
      top1 += a.top1();
      top3 += a.top3();
    }
    return new AttributionAccuracy(n, top1, top3);
  }

  private static AttributionAccuracy run(LearningScenario s, AttributionModel model) {
    try (Convener c = Conveners.builder().database("jdbc:h2:mem:accuracy-" + UUID.randomUUID()).inMemoryKeys().build()) {
      c.ingest().submit(ADMIN, s.members(), s.events());
      for (Member m : s.members()) {
        c.consent().grant(ADMIN, m.id(), Purpose.LEARNING_ATTRIBUTION, "accuracy-runner");
      }
      List<io.convener.api.learning.Attribution> all =
          c.learning().attribute(ADMIN, AttributionRequest.all().withModel(model));
      return AttributionAccuracy.of(s.originators(), all);
    }
  }
}
