package io.convener.http.json;

import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a pulse trend: the shape {@code convener pulse --series N --format json}
 * prints and {@code GET /v1/pulse/series} answers, {@code {"scope","step","points":[…],
 * "provenanceId"}}, each point the single-window pulse document of {@link PulseShapes#json}, oldest
 * first.
 */
public final class PulseSeriesShapes {
  private PulseSeriesShapes() {}

  /**
   * The series document.
   *
   * @param s the series
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(PulseSeries s) {
    return json(s, false);
  }

  /**
   * The series document, with its {@code projection} object after {@code points} when {@code
   * project} is set: one entry per metric of {@link PulseShapes#METRICS}, either {@code
   * {"asOf","value","low","high","low95","high95","points","method"}} or, with too few shown
   * values, {@code {"asOf","points","method","unavailable"}} saying why (see {@link
   * PulseProjectionShapes}).
   *
   * @param s the series
   * @param project whether to add the projection
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(PulseSeries s, boolean project) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scope", s.scope().wireName());
    json.put("step", s.step().toDays() + "d");
    List<Map<String, Object>> points = new ArrayList<>(s.points().size());
    for (PulseReport p : s.points()) {
      points.add(PulseShapes.json(p));
    }
    json.put("points", points);
    if (project) {
      json.put("projection", PulseProjectionShapes.json(s));
    }
    s.provenanceId().ifPresent(id -> json.put("provenanceId", id));
    return json;
  }
}
