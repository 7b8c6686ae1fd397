package io.convener.http.json;

import io.convener.api.innovation.InnovationRoi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON document of an innovation's ROI: what {@code convener innovation roi} prints with
 * {@code --format json} and what {@code GET /v1/innovation/{id}/roi} answers. Team counts only, no
 * person and no team named.
 */
public final class RoiShapes {
  private RoiShapes() {}

  /**
   * {@code {"innovation","outcome","before","after","adoptingTeams","comparisonTeams","effect",
   * "low","high","naiveChange","method","notEnoughData","provenanceId"}}; the estimate's fields are
   * null when there is not enough data, and {@code notEnoughData} is null when there is.
   */
  public static Map<String, Object> json(InnovationRoi r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("innovation", r.innovation().value());
    m.put("outcome", r.outcome().orElse(null));
    m.put("before", r.before().toString());
    m.put("after", r.after().toString());
    m.put("adoptingTeams", r.adoptingTeams());
    m.put("comparisonTeams", r.comparisonTeams());
    m.put("effect", r.estimate().map(InnovationRoi.Estimate::effect).orElse(null));
    m.put("low", r.estimate().map(InnovationRoi.Estimate::low).orElse(null));
    m.put("high", r.estimate().map(InnovationRoi.Estimate::high).orElse(null));
    m.put("naiveChange", r.estimate().map(InnovationRoi.Estimate::naiveChange).orElse(null));
    m.put("method", r.estimate().map(InnovationRoi.Estimate::method).orElse(null));
    m.put("notEnoughData", r.notEnoughData().orElse(null));
    m.put("provenanceId", r.provenanceId());
    return m;
  }
}
