package io.convener.examples.report;

import static io.convener.examples.report.Markup.esc;
import static io.convener.examples.report.Markup.num;

import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.Person;
import io.convener.api.innovation.SpreadReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spread tree of one innovation: the innovation at the left, each adoption one column further
 * right per generation, joined to the node it was learned from. Adoptions are labelled with their
 * team; people appear only as the spread report shows them (named with consent, pseudonymous
 * across tenants, or not at all).
 */
final class SpreadSection {
  static final int MAX_ENTRIES = 200;
  private static final int COLUMN = 170;
  private static final int ROW = 22;

  private SpreadSection() {}

  static void render(StringBuilder out, Optional<SpreadReport> spread, String absentReason) {
    out.append("<section id=\"spread\"><h2>How the most adopted innovation spread</h2>\n");
    if (spread.isEmpty()) {
      out.append("<p>").append(esc(absentReason)).append("</p></section>\n");
      return;
    }
    SpreadReport r = spread.get();
    List<LineageEntry> entries = r.lineage().subList(0, Math.min(MAX_ENTRIES, r.lineage().size()));
    Map<String, List<LineageEntry>> children = new LinkedHashMap<>();
    for (LineageEntry e : entries) {
      children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
    Map<String, double[]> at = new HashMap<>();
    int[] row = {0};
    place(r.innovation().value(), 0, children, at, row);
    int depth = entries.stream().mapToInt(LineageEntry::depth).max().orElse(0);
    int width = (depth + 1) * COLUMN + 40;
    int height = Math.max(1, row[0]) * ROW + 20;
    out.append("<p>Innovation ").append(esc(r.innovation().value())).append(", flagged by ")
        .append(esc(person(r.origin()))).append(": ").append(r.adoptions()).append(" adoptions in ").append(r.teams())
        .append(" teams, depth ").append(r.depth()).append(", structural virality ")
        .append(Markup.fmt(r.structuralVirality(), 2)).append(entries.size() < r.lineage().size()
            ? "; the first " + entries.size() + " adoptions are drawn" : "").append(".</p>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Spread tree of innovation ")
        .append(esc(r.innovation().value())).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    for (LineageEntry e : entries) {
      double[] a = at.get(e.from());
      double[] b = at.get(e.node());
      if (a != null && b != null) {
        out.append("<path class=\"tree\" d=\"M").append(num(a[0])).append(',').append(num(a[1])).append(" C")
            .append(num((a[0] + b[0]) / 2)).append(',').append(num(a[1])).append(' ').append(num((a[0] + b[0]) / 2))
            .append(',').append(num(b[1])).append(' ').append(num(b[0])).append(',').append(num(b[1])).append("\"/>\n");
      }
    }
    dot(out, at.get(r.innovation().value()), r.innovation().value(), "innovation, flagged by " + person(r.origin()), 0);
    for (LineageEntry e : entries) {
      double[] p = at.get(e.node());
      if (p != null) {
        dot(out, p, e.team().orElse("adoption"), "adopted by " + person(e.adopter()) + " in "
            + e.team().orElse("an unknown team") + " at " + e.at() + " (" + e.rule() + ")", e.depth());
      }
    }
    out.append("</svg></section>\n");
  }

  /** Places a node and, below it, its subtree; leaves take one row each. */
  private static void place(String node, int depth, Map<String, List<LineageEntry>> children, Map<String, double[]> at,
      int[] row) {
    if (at.containsKey(node)) {
      return;
    }
    List<LineageEntry> kids = children.getOrDefault(node, List.of());
    int first = row[0];
    at.put(node, new double[] {20 + depth * COLUMN, 0});
    for (LineageEntry k : kids) {
      place(k.node(), depth + 1, children, at, row);
    }
    if (kids.isEmpty()) {
      row[0]++;
    }
    at.get(node)[1] = 10 + ((first + Math.max(first + 1, row[0])) / 2.0) * ROW - ROW / 2.0;
  }

  private static void dot(StringBuilder out, double[] p, String label, String title, int depth) {
    out.append("<circle cx=\"").append(num(p[0])).append("\" cy=\"").append(num(p[1])).append("\" r=\"5\" fill=\"")
        .append(Markup.colour(depth)).append("\"><title>").append(esc(title)).append("</title></circle>\n")
        .append("<text x=\"").append(num(p[0] + 8)).append("\" y=\"").append(num(p[1] + 4)).append("\" class=\"label\">")
        .append(esc(label)).append("</text>\n");
  }

  private static String person(Person p) {
    return p.label().orElse("a member who has not consented to be named");
  }
}
