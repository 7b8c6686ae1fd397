package io.convener.http.json;

import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseSeries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code projection} object of a pulse series document: for each metric of {@link
 * PulseShapes#METRICS}, by wire name, its {@link PulseProjection} to the window after the series,
 * or why there is none.
 */
public final class PulseProjectionShapes {
  private PulseProjectionShapes() {}

  /**
   * The projection object.
   *
   * @param s the series
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(PulseSeries s) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (PulseMetric m : PulseShapes.METRICS) {
      json.put(m.wireName(), json(s, m));
    }
    return json;
  }

  private static Map<String, Object> json(PulseSeries s, PulseMetric metric) {
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<PulseProjection> projection = PulseProjection.of(s, metric);
    json.put("asOf", s.points().get(s.points().size() - 1).asOf().plus(s.step()).toString());
    if (projection.isPresent()) {
      PulseProjection p = projection.get();
      json.put("value", p.value());
      json.put("low", p.low());
      json.put("high", p.high());
      json.put("low95", p.low95());
      json.put("high95", p.high95());
      json.put("points", p.points());
    } else {
      json.put("points", PulseProjection.usablePoints(s, metric));
    }
    json.put("method", PulseProjection.METHOD);
    if (projection.isEmpty()) {
      json.put("unavailable", unavailable(s, metric));
    }
    return json;
  }

  /** Why a metric has no projection, in one sentence. */
  public static String unavailable(PulseSeries s, PulseMetric metric) {
    if (s.points().get(s.points().size() - 1).isSuppressed()) {
      return "the last window is suppressed";
    }
    return "needs " + PulseProjection.MIN_POINTS + " shown values, has " + PulseProjection.usablePoints(s, metric);
  }
}
