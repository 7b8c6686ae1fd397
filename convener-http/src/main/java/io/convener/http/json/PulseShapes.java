package io.convener.http.json;

import io.convener.api.feedback.FeedbackId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.RiskFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON document of a team pulse: the shape {@code convener pulse --format json} prints and
 * {@code GET /v1/pulse} answers. The map shape is the one CONTRACT.md pins.
 */
public final class PulseShapes {
  /** The metrics the contract lists, in its order; the rest follow. */
  public static final List<PulseMetric> METRICS = List.of(PulseMetric.MEMBERS, PulseMetric.ACTIVE_MEMBERS,
      PulseMetric.PARTICIPATION_RATE, PulseMetric.EVENTS_PER_MEMBER, PulseMetric.RESPONSE_RATE,
      PulseMetric.MEDIAN_RESPONSE_MINUTES, PulseMetric.RECIPROCITY, PulseMetric.TURN_TAKING_GINI,
      PulseMetric.SENTIMENT, PulseMetric.PSYCH_SAFETY, PulseMetric.RESPONDENTS, PulseMetric.ABSENCE_FACTOR,
      PulseMetric.SENTIMENT_TREND, PulseMetric.PSYCH_SAFETY_AGREEMENT);

  private PulseShapes() {}

  /**
   * The pulse report document, as CONTRACT.md pins it: metrics, baseline and change keyed by
   * the wire names of {@link #METRICS}, in that order, absent values as {@code null}.
   *
   * @param r the report
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(PulseReport r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scope", r.scope().wireName());
    json.put("asOf", r.asOf().toString());
    json.put("window", r.window().toDays() + "d");
    json.put("computedAt", r.computedAt().toString());
    json.put("suppressed", r.isSuppressed());
    r.suppressed().ifPresent(reason -> json.put("suppressedReason", reason));
    json.put("metrics", values(r, r.metrics()::get));
    json.put("baseline", values(r, r.baseline()::get));
    json.put("change", values(r, r::change));
    List<Map<String, Object>> risks = new ArrayList<>();
    for (RiskFlag f : r.risks()) {
      Map<String, Object> risk = new LinkedHashMap<>();
      risk.put("kind", f.kind().name());
      risk.put("severity", f.severity().name());
      f.member().ifPresent(m -> risk.put("member", m.value().value()));
      if (f.kind().individual()) {
        risk.put("count", f.count());
      }
      risk.put("reason", f.reason());
      risk.put("at", f.at().toString());
      risk.put("disputed", f.disputed());
      if (f.disputed()) {
        risk.put("feedback", f.disputes().stream().map(FeedbackId::value).toList());
      }
      risks.add(risk);
    }
    json.put("risks", risks);
    r.stale().ifPresent(s -> json.put("stale", Map.of("computedAt", s.computedAt().toString(), "cause", s.cause())));
    r.provenanceId().ifPresent(id -> json.put("provenanceId", id));
    return json;
  }

  private static Map<String, @Nullable Object> values(PulseReport r, Function<PulseMetric, OptionalDouble> get) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (PulseMetric m : METRICS) {
      OptionalDouble v = get.apply(m);
      out.put(m.wireName(), v.isPresent() ? number(v.getAsDouble()) : null);
    }
    return out;
  }

  private static Number number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) (Math.round(v * 1e6) / 1e6);
  }
}
