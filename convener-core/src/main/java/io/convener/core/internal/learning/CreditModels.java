package io.convener.core.internal.learning;

import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionModel.LastTouch;
import io.convener.api.learning.AttributionModel.Linear;
import io.convener.api.learning.AttributionModel.PositionBased;
import io.convener.api.learning.AttributionModel.Shapley;
import io.convener.api.learning.AttributionModel.TimeDecay;
import java.time.Duration;
import java.time.Instant;
import io.convener.api.MemberId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the credit for one outcome among its touches under a model. The touches come ordered by
 * the instant they entered the lineage (ties by artifact id); the shares returned are in the same
 * order, each in [0, 1], summing to 1 (empty for no touches). Shapley plays every touch, weighed by
 * its probability; the touch-based models split among the touches of the strongest {@link
 * Touch.Link link} present (the ones the outcome's references reach; failing those, the ones its
 * team applied; failing those, every touch), so the level of the probabilities, which the fitted
 * weights do not calibrate, does not decide which touches they split among. Stateless.
 */
public final class CreditModels {
  private CreditModels() {}

  /**
   * Each touch's share of the outcome under {@code model}, in the touches' order, summing to 1
   * (empty for no touch).
   */
  public static double[] split(AttributionModel model, List<Touch> touches, Instant outcomeAt) {
    if (touches.isEmpty()) {
      return new double[0];
    }
    if (model instanceof Shapley) {
      return shapley(touches);
    }
    // The touch-based models split along the lineage the events record, not every weak candidate.
    Touch.Link strongest = touches.stream().map(Touch::link).min(Comparator.naturalOrder()).orElseThrow();
    List<Touch> lineage = touches.stream().filter(t -> t.link() == strongest).toList();
    double[] part = touchBased(model, lineage, outcomeAt);
    double[] shares = new double[touches.size()];
    for (int i = 0, k = 0; i < touches.size() && k < lineage.size(); i++) {
      if (touches.get(i) == lineage.get(k)) {
        shares[i] = part[k++];
      }
    }
    return shares;
  }

  private static double[] touchBased(AttributionModel model, List<Touch> touches, Instant outcomeAt) {
    int n = touches.size();
    double[] shares;
    if (model instanceof LastTouch) {
      shares = new double[n];
      shares[n - 1] = 1;
    } else if (model instanceof Linear) {
      shares = new double[n];
      java.util.Arrays.fill(shares, 1.0 / n);
    } else if (model instanceof TimeDecay decay) {
      shares = timeDecay(touches, outcomeAt, decay.halfLife());
    } else if (model instanceof PositionBased) {
      shares = positionBased(n);
    } else {
      throw new IllegalArgumentException("unknown model " + model);
    }
    return shares;
  }

  private static double[] timeDecay(List<Touch> touches, Instant outcomeAt, Duration halfLife) {
    double[] w = new double[touches.size()];
    double halfLifeSeconds = halfLife.toNanos() / 1e9;
    double youngest = Double.MAX_VALUE;
    double[] ages = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      ages[i] = Math.max(0, Duration.between(touches.get(i).enteredAt(), outcomeAt).toNanos() / 1e9);
      youngest = Math.min(youngest, ages[i]);
    }
    // Ages are measured from the youngest touch: the same ratios, without underflow for old touches.
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(2, -(ages[i] - youngest) / halfLifeSeconds);
    }
    return normalised(w);
  }

  private static double[] positionBased(int n) {
    double[] s = new double[n];
    if (n == 1) {
      s[0] = 1;
    } else if (n == 2) {
      s[0] = 0.5;
      s[1] = 0.5;
    } else {
      s[0] = 0.4;
      s[n - 1] = 0.4;
      for (int i = 1; i < n - 1; i++) {
        s[i] = 0.2 / (n - 2);
      }
    }
    return s;
  }

  /**
   * The players are the authors, each worth their most probable touch; an author's Shapley value
   * is then split among their touches in proportion to the touches' probabilities.
   */
  private static double[] shapley(List<Touch> touches) {
    Map<MemberId, Integer> player = new LinkedHashMap<>();
    for (Touch t : touches) {
      player.putIfAbsent(t.author(), player.size());
    }
    double[] p = new double[player.size()];
    double[] total = new double[player.size()];
    for (Touch t : touches) {
      int i = player.get(t.author());
      p[i] = Math.max(p[i], t.probability());
      total[i] += t.probability();
    }
    double[] phi = normalised(ShapleyValue.values(p.length, ShapleyValue.best(p)));
    double[] shares = new double[touches.size()];
    for (int k = 0; k < shares.length; k++) {
      Touch t = touches.get(k);
      int i = player.get(t.author());
      shares[k] = phi[i] * t.probability() / total[i];
    }
    return shares;
  }

  private static double[] normalised(double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= total;
    }
    return w;
  }
}
