package io.convener.examples.report;

import static io.convener.examples.report.Markup.esc;
import static io.convener.examples.report.Markup.fmt;
import static io.convener.examples.report.Markup.num;

import io.convener.api.MemberId;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.RankedMember;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report page: one XHTML-compatible HTML document with inline CSS and inline SVG, no script
 * and no reference to anything outside the file. Thread-safe (stateless).
 */
public final class ReportPage {
  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;color:#111;\
      background:#fff;line-height:1.45;padding:0 1rem}
      h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
      table{border-collapse:collapse}th,td{padding:.25rem .6rem;text-align:left;border-bottom:1px solid #e3e3e3}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#111}svg text.axis{fill:#444}
      svg text.risk{fill:#a40000;font-weight:600}svg text.cell{font-size:10px}svg text.name{font-size:10px}
      .spark-box{fill:#f6f6f6;stroke:#ddd}.edges line{stroke:#555}.nodes circle{stroke:#fff;stroke-width:1}
      .nodes circle.role{stroke:#111;stroke-width:2}.tree{fill:none;stroke:#888}.bar{fill:#0072B2}
      footer{margin-top:2rem;color:#444;font-size:.9rem}
      """;

  private ReportPage() {}

  /** The whole document. */
  public static String render(ReportData d) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>Convener report: ").append(esc(d.tenant().value())).append("</title>\n<style>")
        .append(CSS).append("</style>\n</head>\n<body>\n<header><h1>Convener report: ")
        .append(esc(d.tenant().value())).append("</h1>\n<p>As of ").append(esc(d.asOf().toString()))
        .append(". People are named only where they consent to it; everybody else is counted, never named.</p>")
        .append("</header>\n<main>\n");
    HeatmapSection.render(out, d.teams());
    champions(out, d);
    NetworkSection.render(out, d.network());
    SpreadSection.render(out, d.spread(), d.spreadAbsent());
    learning(out, d.attributions());
    FeedbackSection.render(out, d.feedback());
    out.append("</main>\n<footer><p>Champions: provenance entry ").append(d.champions().provenanceId())
        .append("; network: provenance entry ").append(d.network().provenanceId())
        .append(". Check them with <code>convener provenance --verify</code>.</p></footer>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void champions(StringBuilder out, ReportData d) {
    out.append("<section id=\"champions\"><h2>Champions and connectors</h2>\n");
    List<RankedMember> listed = d.champions().champions();
    out.append("<p>").append(listed.size()).append(" listed of ").append(d.champions().candidates())
        .append(" active members; ").append(d.champions().withheld())
        .append(" who have not consented are left out.</p>\n");
    if (listed.isEmpty()) {
      out.append("</section>\n");
      return;
    }
    out.append("<table><thead><tr><th scope=\"col\">rank</th><th scope=\"col\">member</th><th scope=\"col\">score</th>"
        + "<th scope=\"col\">roles</th><th scope=\"col\">persona</th></tr></thead><tbody>\n");
    for (RankedMember m : listed) {
      String roles = m.roles().stream().sorted().map(ChampionRole::wireName).collect(Collectors.joining(", "));
      out.append("<tr><td class=\"n\">").append(m.rank()).append("</td><td>").append(esc(m.member().value().value()))
          .append("</td><td class=\"n\">").append(fmt(m.score(), 3)).append("</td><td>").append(esc(roles))
          .append("</td><td>").append(esc(m.persona().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></section>\n");
  }

  private static void learning(StringBuilder out, List<Attribution> all) {
    out.append("<section id=\"learning\"><h2>Learning credit</h2>\n");
    Map<MemberId, Double> credit = new HashMap<>();
    int withheld = 0;
    for (Attribution a : all) {
      withheld += a.withheld();
      for (Contribution c : a.contributors()) {
        credit.merge(c.member().value(), c.share(), Double::sum);
      }
    }
    List<Map.Entry<MemberId, Double>> top = credit.entrySet().stream()
        .sorted(Map.Entry.<MemberId, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(12).toList();
    out.append("<p>Credit for ").append(all.size()).append(" outcomes, in outcomes' worth, to the people whose learning"
        + " led to them; ").append(withheld).append(" contributions withheld for lack of consent.</p>\n");
    if (top.isEmpty()) {
      out.append("</section>\n");
      return;
    }
    double max = top.get(0).getValue();
    int height = top.size() * 22 + 10;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Learning credit by member\""
        + " width=\"640\" height=\"").append(height).append("\" viewBox=\"0 0 640 ").append(height).append("\">\n");
    for (int i = 0; i < top.size(); i++) {
      double w = max > 0 ? 420 * top.get(i).getValue() / max : 0;
      int y = 5 + i * 22;
      out.append("<text x=\"150\" y=\"").append(y + 14).append("\" text-anchor=\"end\" class=\"label\">")
          .append(esc(top.get(i).getKey().value())).append("</text>\n<rect class=\"bar\" x=\"158\" y=\"").append(y + 2)
          .append("\" width=\"").append(num(w)).append("\" height=\"16\"/>\n<text x=\"").append(num(164 + w))
          .append("\" y=\"").append(y + 14).append("\">").append(fmt(top.get(i).getValue(), 2)).append("</text>\n");
    }
    out.append("</svg></section>\n");
  }
}
