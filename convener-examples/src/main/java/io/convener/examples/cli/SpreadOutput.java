package io.convener.examples.cli;

import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.RejectedAdoption;
import io.convener.api.innovation.SpreadReport;
import io.convener.examples.cli.Table.Column;
import java.io.PrintWriter;

/**
 * The table output of {@code convener innovation spread} (its JSON document is {@link
 * io.convener.http.json.InnovationShapes}, shared with the HTTP API). A person who is withheld is
 * shown as withheld; another tenant's people, teams and events are pseudonyms.
 */
final class SpreadOutput {
  private SpreadOutput() {}

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

  /** The lineage as CSV: one row per adoption. */
  static void csv(PrintWriter out, SpreadReport r) {
    Table t = new Table(Column.text("node"), Column.text("at"), Column.number("depth", 0), Column.text("adopter"),
        Column.text("team"), Column.text("tenant"), Column.text("from"), Column.text("rule"));
    for (LineageEntry e : r.lineage()) {
      t.row(e.node(), e.at().toString(), e.depth(), e.adopter().label().orElse(null), e.team().orElse(null),
          e.tenant().value(), e.from(), e.rule());
    }
    t.csv(out);
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
    out.println(r.bass().map(b -> String.format("  Bass fit over %d periods: p = %s, q = %s, m = %s",
        b.periods(), Table.shown(b.p(), 4), Table.shown(b.q(), 4), Table.shown(b.m(), 1))).orElse("  no Bass fit: " + r.bassAbsentReason().orElse("")));
  }

  /** One lineage entry: when, who (indented by depth), which team, learned from what, by which rule. */
  static void line(PrintWriter out, LineageEntry e) {
    out.printf("  %s %s%-34s %-20s <- %-34s %s%n", e.at(), "  ".repeat(Math.min(e.depth() - 1, 6)),
        e.adopter().label().orElse("(withheld)"), e.team().orElse("-"), e.from(), e.rule());
  }
}
