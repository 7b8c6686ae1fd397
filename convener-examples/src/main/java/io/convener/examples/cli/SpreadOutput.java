package io.convener.examples.cli;

import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code convener innovation spread}: the JSON document of CONTRACT.md section 2
 * ({@code innovation, origin, adoptions, teams, tenants, depth, maxBreadth, structuralVirality,
 * lineage[adopter, team, from, at]}) with further fields, or a readable table. A person who is
 * withheld is {@code null}; another tenant's people, teams and events are pseudonyms.
 */
final class SpreadOutput {
  private SpreadOutput() {}

  static Map<String, Object> json(SpreadReport r) {
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

  static void table(PrintWriter out, SpreadReport r) {
    summary(out, r);
    for (LineageEntry e : r.lineage()) {
      line(out, e);
    }
    for (RejectedAdoption x : r.rejected()) {
      out.printf("  rejected %s: %s%n", x.node(), x.reason());
    }
    out.printf("  %d people withheld for lack of consent; provenance entry %d%n", r.withheld(), r.provenanceId());
    out.flush();
  }

  /** The first lines of the table: origin and metrics. */
  static void summary(PrintWriter out, SpreadReport r) {
    out.printf("Innovation %s (home tenant %s), flagged by %s%s%n", r.innovation(), r.home(),
        r.origin().label().orElse("(withheld)"), r.originAt().map(at -> " at " + at).orElse(""));
    out.printf("  adoptions %d, teams %d, tenants %d, depth %d, max breadth %d, broadcast share %.2f%n",
        r.adoptions(), r.teams(), r.tenants(), r.depth(), r.maxBreadth(), r.broadcastShare());
    out.printf("  structural virality %.4f, first replication after %s, %.3f adoptions/day%n",
        r.structuralVirality(), r.timeToFirstReplication().map(Object::toString).orElse("-"), r.adoptionVelocity());
    out.println(r.bass().map(b -> String.format("  Bass fit over %d periods: p = %.4f, q = %.4f, m = %.1f",
        b.periods(), b.p(), b.q(), b.m())).orElse("  no Bass fit: " + r.bassAbsentReason().orElse("")));
  }

  /** One lineage entry: when, who (indented by depth), which team, learned from what, by which rule. */
  static void line(PrintWriter out, LineageEntry e) {
    out.printf("  %s %s%-34s %-20s <- %-34s %s%n", e.at(), "  ".repeat(Math.min(e.depth() - 1, 6)),
        e.adopter().label().orElse("(withheld)"), e.team().orElse("-"), e.from(), e.rule());
  }
}
