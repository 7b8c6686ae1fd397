package io.convener.benchmarks;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.learning.AttributionModel;
import io.convener.core.internal.learning.OfflineAttribution;
import io.convener.testing.learning.AttributionAccuracy;
import io.convener.testing.learning.LearningScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the evidence weights of learning attribution as {@code docs/learning.md} describes: a
 * conditional logit — the likelihood that the true originator's artifact is the one chosen among
 * each outcome's candidates — with an L2 penalty of 10⁻⁴ on the weights, minimised by L-BFGS from
 * zero over the candidates of generator seeds 1–10 at noise 0.10, 0.15, 0.20, 0.25 and 0.30 (300
 * outcomes each), then halved and rounded to two decimals. The bias cancels in a conditional logit
 * and stays at {@link OfflineAttribution#bias()}. Prints the fitted weights beside the committed
 * ones, then the top-1 accuracy of both on the held-out seeds of the accuracy test (20261207,
 * 20261208) at noise 0.15 and 0.25, every model. Deterministic: the same run prints the same.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.AttributionWeightFit
 * </pre>
 */
public final class AttributionWeightFit {
  private static final long[] FIT_SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  private static final double[] FIT_NOISE = {0.10, 0.15, 0.20, 0.25, 0.30};
  private static final long[] HELD_OUT_SEEDS = {20_261_207L, 20_261_208L};
  private static final int OUTCOMES = 300;
  private static final double PENALTY = 1e-4;

  private AttributionWeightFit() {}

  /** Runs the fit and prints the weights and their held-out accuracy; takes no arguments. */
  public static void main(String[] args) {
    List<ConditionalLogit.Choice> choices = new ArrayList<>();
    int outcomes = 0;
    for (long seed : FIT_SEEDS) {
      for (double noise : FIT_NOISE) {
        LearningScenario s = LearningScenario.builder(seed).noise(noise).outcomes(OUTCOMES).build();
        for (OfflineAttribution.Candidates c : OfflineAttribution.candidates(s.members(), s.events())) {
          outcomes++;
          ConditionalLogit.Choice choice = ConditionalLogit.choice(c, s.originators().get(c.outcome()));
          if (choice != null) {
            choices.add(choice);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d outcomes of seeds 1-10 at noise 0.10-0.30; %d with the originator's"
        + " artifact and another among the candidates%n", outcomes, choices.size());
    ConditionalLogit logit = new ConditionalLogit(choices, PENALTY);
    Lbfgs.Result r = Lbfgs.minimise(logit, new double[OfflineAttribution.featureNames().size()], 1e-7, 2_000);
    System.out.printf(Locale.ROOT, "L-BFGS: %d iterations, mean negative log-likelihood + penalty %.6f,"
        + " gradient norm %.2e%n%n", r.iterations(), r.value(), r.gradientNorm());
    double[] fitted = new double[r.x().length];
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = Math.round(r.x()[i] / 2 * 100) / 100.0; // halved: the same ranking, probabilities off 1.0
    }
    double[] committed = OfflineAttribution.weights();
    System.out.println("| feature | fitted (halved) | committed |");
    System.out.println("|---|---:|---:|");
    double worst = 0;
    for (int i = 0; i < fitted.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %+.2f | %+.2f |%n", OfflineAttribution.featureNames().get(i), fitted[i],
          committed[i]);
      worst = Math.max(worst, Math.abs(fitted[i] - committed[i]));
    }
    System.out.printf(Locale.ROOT, "%nlargest difference from the committed weights: %.2f%n", worst);
    System.out.println("as Java: " + java.util.Arrays.toString(fitted));
    System.out.println();
    heldOut("fitted", fitted);
    heldOut("committed", committed);
  }

  private static void heldOut(String label, double[] weights) {
    System.out.printf(Locale.ROOT, "%s weights, held-out seeds %s:%n", label, java.util.Arrays.toString(HELD_OUT_SEEDS));
    for (double noise : new double[] {LearningScenario.DEFAULT_NOISE, 0.25}) {
      for (AttributionModel model : AttributionModel.all()) {
        int n = 0;
        int top1 = 0;
        for (long seed : HELD_OUT_SEEDS) {
          LearningScenario s = LearningScenario.builder(seed).noise(noise).outcomes(OUTCOMES).build();
          Map<EventId, List<MemberId>> ranked = OfflineAttribution.ranked(s.members(), s.events(), model, weights);
          AttributionAccuracy a = AttributionAccuracy.ofRanked(s.originators(), ranked);
          n += a.outcomes();
          top1 += a.top1();
        }
        System.out.printf(Locale.ROOT, "  noise %.2f %-15s top-1 %.1f%% (%d/%d)%n", noise, model.wireName(),
            100.0 * top1 / n, top1, n);
      }
    }
  }
}
