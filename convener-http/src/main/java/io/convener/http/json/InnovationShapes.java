package io.convener.http.json;

import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of an innovation's spread: the shape {@code convener innovation spread
 * --format json} prints and {@code GET /v1/innovations/{id}/spread} answers. The map shape is the
 * one CONTRACT.md pins (section 2) with further fields. A withheld person is {@code null}.
 */
public final class InnovationShapes {
  private InnovationShapes() {}

  /**
   * The spread report document, as CONTRACT.md pins it.
   *
   * @param r the report
   * @return an ordered map that Jackson writes as it is
   */
  public static Map<String, Object> json(SpreadReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("innovation", r.innovation().value());
    m.put("home", r.home().value());
    m.put("origin", r.origin().label().orElse(null));
    m.put("originAt", r.originAt().map(Object::toString).orElse(null));
    m.put("adoptions", r.adoptions());
    m.put("teams", r.teams());
    m.put("tenants", r.tenants());
    m.put("depth", r.depth());
    m.put("maxBreadth", r.maxBreadth());
    m.put("broadcastShare", r.broadcastShare());
    m.put("structuralVirality", r.structuralVirality());
    m.put("timeToFirstReplication", r.timeToFirstReplication().map(Object::toString).orElse(null));
    m.put("adoptionVelocityPerDay", r.adoptionVelocity());
    if (r.bass().isPresent()) {
      Map<String, Object> bass = new LinkedHashMap<>();
      bass.put("p", r.bass().get().p());
      bass.put("q", r.bass().get().q());
      bass.put("m", r.bass().get().m());
      bass.put("periods", r.bass().get().periods());
      bass.put("period", r.bass().get().period().toString());
      m.put("bass", bass);
    } else {
      m.put("bass", null);
      m.put("bassAbsentReason", r.bassAbsentReason().orElse(""));
    }
    List<Map<String, Object>> lineage = new ArrayList<>();
    for (LineageEntry e : r.lineage()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("adopter", e.adopter().label().orElse(null));
      entry.put("team", e.team().orElse(null));
      entry.put("from", e.from());
      entry.put("at", e.at().toString());
      entry.put("node", e.node());
      entry.put("tenant", e.tenant().value());
      entry.put("depth", e.depth());
      entry.put("rule", e.rule());
      lineage.add(entry);
    }
    m.put("lineage", lineage);
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (RejectedAdoption x : r.rejected()) {
      rejected.add(Map.of("node", x.node(), "source", x.source().value(), "destination", x.destination().value(),
          "reason", x.reason()));
    }
    m.put("rejected", rejected);
    m.put("withheld", r.withheld());
    m.put("provenanceId", r.provenanceId());
    return m;
  }
}
