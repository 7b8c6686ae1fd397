package io.convener.benchmarks;

import io.convener.api.MemberId;
import io.convener.core.internal.learning.OfflineAttribution;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The objective of {@link AttributionWeightFit}: the mean over outcomes of the negative log
 * likelihood that the chosen candidate is one of the true originator's, {@code log Σ_all e^{w·x} −
 * log Σ_true e^{w·x}}, plus {@code penalty · |w|²}. An outcome with several candidates by the
 * originator counts them as one choice (any of them is a right answer for who originated it).
 * Immutable once built; not thread-safe while evaluated.
 */
final class ConditionalLogit implements Lbfgs.Objective {
  /**
   * One outcome's candidates.
   *
   * @param x the features of each candidate
   * @param truth whether each candidate is by the true originator
   */
  record Choice(double[][] x, boolean[] truth) {}

  private final List<Choice> choices;
  private final double penalty;

  ConditionalLogit(List<Choice> choices, double penalty) {
    this.choices = List.copyOf(choices);
    this.penalty = penalty;
  }

  /**
   * The choice an outcome makes, or null when it teaches nothing: no candidate is by the
   * originator (the lineage cannot find it), or every candidate is.
   */
  static @Nullable Choice choice(OfflineAttribution.Candidates c, MemberId originator) {
    int n = c.authors().size();
    boolean[] truth = new boolean[n];
    int right = 0;
    for (int i = 0; i < n; i++) {
      truth[i] = c.authors().get(i).equals(originator);
      right += truth[i] ? 1 : 0;
    }
    if (right == 0 || right == n) {
      return null;
    }
    return new Choice(c.features().toArray(new double[0][]), truth);
  }

  @Override
  public double valueAndGradient(double[] w, double[] grad) {
    java.util.Arrays.fill(grad, 0);
    double total = 0;
    for (Choice c : choices) {
      int n = c.x().length;
      double[] s = new double[n];
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        s[i] = Lbfgs.dot(w, c.x()[i]);
        max = Math.max(max, s[i]);
      }
      double all = 0;
      double right = 0;
      for (int i = 0; i < n; i++) {
        s[i] = Math.exp(s[i] - max); // stable: the shift cancels in both sums
        all += s[i];
        right += c.truth()[i] ? s[i] : 0;
      }
      total += Math.log(all) - Math.log(right);
      for (int i = 0; i < n; i++) {
        double coefficient = s[i] / all - (c.truth()[i] ? s[i] / right : 0);
        double[] x = c.x()[i];
        for (int k = 0; k < w.length; k++) {
          grad[k] += coefficient * x[k];
        }
      }
    }
    int m = choices.size();
    for (int k = 0; k < w.length; k++) {
      grad[k] = grad[k] / m + 2 * penalty * w[k];
    }
    return total / m + penalty * Lbfgs.dot(w, w);
  }
}
