package io.convener.http.json;

import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a learning plan: what {@code convener learning plan} prints with {@code
 * --format json} and what {@code GET /v1/learning/plan} answers. Names a person only as the plan's
 * own member or as a named applier, both disclosed with consent for {@code learning.attribution}.
 */
public final class LearningPlanShapes {
  private LearningPlanShapes() {}

  /**
   * {@code {"member"|"team","asOf","windowDays","workTags","planTags","recommendations":[{"artifact",
   * "score","matchedTags","plannedTags","appliedBy","namedAppliers","withheldAppliers","outcomes",
   * "reason"}],"notified","provenanceId"}}; a member plan has {@code member}, a team plan {@code team}.
   */
  public static Map<String, Object> json(LearningPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    p.member().ifPresent(d -> m.put("member", d.value().value()));
    p.team().ifPresent(t -> m.put("team", t.value()));
    m.put("asOf", p.asOf().toString());
    m.put("windowDays", p.window().toDays());
    m.put("workTags", p.workTags());
    m.put("planTags", p.planTags());
    List<Map<String, Object>> recommendations = new ArrayList<>();
    for (Recommendation r : p.recommendations()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("artifact", r.artifact().value());
      doc.put("score", r.score());
      doc.put("matchedTags", r.matchedTags());
      doc.put("plannedTags", r.plannedTags());
      doc.put("appliedBy", r.appliedBy());
      doc.put("namedAppliers", r.namedAppliers().stream().map(d -> d.value().value()).toList());
      doc.put("withheldAppliers", r.withheldAppliers());
      doc.put("outcomes", r.outcomes());
      doc.put("reason", r.reason());
      recommendations.add(doc);
    }
    m.put("recommendations", recommendations);
    m.put("notified", p.notified());
    m.put("provenanceId", p.provenanceId());
    return m;
  }
}
