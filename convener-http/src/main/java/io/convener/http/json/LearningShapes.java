package io.convener.http.json;

import io.convener.api.learning.Attribution;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.learning.Contribution;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON documents of learning attribution: the shapes {@code convener learning --format json}
 * prints and the HTTP API answers. The map shapes are the ones CONTRACT.md pins.
 */
public final class LearningShapes {
  private LearningShapes() {}

  /**
   * An attribution document, as CONTRACT.md pins it.
   *
   * @param a the attribution
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(Attribution a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", a.outcome().value());
    m.put("model", a.model().wireName());
    m.put("contributors", a.contributors().stream().map(LearningShapes::json).toList());
    m.put("withheld", a.withheld());
    m.put("withheldShare", a.withheldShare());
    a.stale().ifPresent(x -> m.put("stale", Map.of("computedAt", x.computedAt().toString(), "cause", x.cause())));
    m.put("provenanceId", a.provenanceId());
    return m;
  }

  /**
   * One contributor of an attribution, as CONTRACT.md pins it.
   *
   * @param c the contribution
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(Contribution c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("member", c.member().value().value());
    m.put("share", c.share());
    m.put("evidence", c.evidence().stream().map(e -> Map.of(
        "rule", e.rule().wireName(), "event", e.event().value(), "detail", e.detail())).toList());
    m.put("disputed", c.disputed());
    if (c.disputed()) {
      m.put("feedback", c.disputes().stream().map(FeedbackId::value).toList());
    }
    return m;
  }
}
