package io.convener.examples.report;

import static io.convener.examples.report.Markup.esc;
import static io.convener.examples.report.Markup.fmt;
import static io.convener.examples.report.Markup.num;

import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseSeries;
import io.convener.api.pulse.RiskFlag;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The pulse heatmap: one row per team, one cell per window of its series coloured by the
 * participation rate (suppressed windows grey, with the reason on hover), a sparkline of the
 * participation rate and one of psychological safety, and the latest window's risk flags.
 */
final class HeatmapSection {
  private static final int LABEL = 150;
  private static final int CELL_W = 38;
  private static final int CELL_H = 24;
  private static final int SPARK = 110;
  private static final int RISKS = 330;

  private HeatmapSection() {}

  static void render(StringBuilder out, List<PulseSeries> teams) {
    out.append("<section id=\"pulse\"><h2>Pulse: participation by team and week</h2>\n");
    if (teams.isEmpty()) {
      out.append("<p>No team has a pulse to show.</p></section>\n");
      return;
    }
    int points = teams.get(0).points().size();
    int width = LABEL + points * CELL_W + 2 * (SPARK + 10) + RISKS;
    int height = (teams.size() + 1) * CELL_H + 10;
    double[] range = range(teams);
    out.append("<p>Each cell is the participation rate of one team's window in percent, darker the higher between"
        + " the lowest (" + fmt(range[0] * 100, 0) + ") and the highest (" + fmt(range[1] * 100, 0) + ") shown; grey"
        + " cells are suppressed groups. The sparklines show participation and psychological safety across the same"
        + " windows, oldest on the left; the last column lists the risks of the newest window.</p>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Pulse heatmap of ")
        .append(teams.size()).append(" teams\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    List<PulseReport> first = teams.get(0).points();
    for (int i = 0; i < points; i++) {
      String day = first.get(i).asOf().atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(5);
      text(out, LABEL + i * CELL_W + CELL_W / 2.0, CELL_H - 8, day, "middle", "axis");
    }
    text(out, LABEL + points * CELL_W + 10, CELL_H - 8, "participation", "start", "axis");
    text(out, LABEL + points * CELL_W + SPARK + 20, CELL_H - 8, "psych. safety", "start", "axis");
    text(out, LABEL + points * CELL_W + 2 * SPARK + 30, CELL_H - 8, "risks now", "start", "axis");
    for (int row = 0; row < teams.size(); row++) {
      row(out, teams.get(row), (row + 1) * CELL_H, points, range);
    }
    out.append("</svg></section>\n");
  }

  /** The lowest and highest participation rate of any shown cell ({0, 1} when none is shown). */
  private static double[] range(List<PulseSeries> teams) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (PulseSeries s : teams) {
      for (PulseReport p : s.points()) {
        OptionalDouble v = p.metrics().get(PulseMetric.PARTICIPATION_RATE);
        if (v.isPresent()) {
          lo = Math.min(lo, v.getAsDouble());
          hi = Math.max(hi, v.getAsDouble());
        }
      }
    }
    return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
  }

  private static void row(StringBuilder out, PulseSeries s, int y, int points, double[] range) {
    text(out, LABEL - 8, y + CELL_H * 0.65, s.scope().wireName(), "end", "label");
    double[] part = new double[points];
    double[] safety = new double[points];
    for (int i = 0; i < points && i < s.points().size(); i++) {
      PulseReport p = s.points().get(i);
      double x = LABEL + i * CELL_W;
      OptionalDouble v = p.metrics().get(PulseMetric.PARTICIPATION_RATE);
      part[i] = v.orElse(Double.NaN);
      safety[i] = p.metrics().get(PulseMetric.PSYCH_SAFETY).orElse(Double.NaN);
      String title = p.isSuppressed() ? "suppressed: " + p.suppressed().orElseThrow()
          : "participation " + fmt(part[i], 2) + " in the window to " + p.asOf();
      String[] colour = p.isSuppressed() || v.isEmpty() ? new String[] {"#d9d9d9", "#111111"} : Markup.heat(
          range[1] > range[0] ? (part[i] - range[0]) / (range[1] - range[0]) : 1);
      out.append("<rect x=\"").append(num(x + 1)).append("\" y=\"").append(y + 1).append("\" width=\"")
          .append(CELL_W - 2).append("\" height=\"").append(CELL_H - 2).append("\" fill=\"").append(colour[0])
          .append("\"><title>").append(esc(title)).append("</title></rect>\n");
      if (!p.isSuppressed() && v.isPresent()) {
        out.append("<text x=\"").append(num(x + CELL_W / 2.0)).append("\" y=\"").append(num(y + CELL_H * 0.68))
            .append("\" text-anchor=\"middle\" class=\"cell\" fill=\"").append(colour[1]).append("\">")
            .append(fmt(part[i] * 100, 0)).append("</text>\n");
      }
    }
    double x0 = LABEL + points * CELL_W + 10;
    Sparkline.render(out, part, x0, y + 3, SPARK, CELL_H - 6, 0, 1, "#0072B2");
    Sparkline.render(out, safety, x0 + SPARK + 10, y + 3, SPARK, CELL_H - 6, 1, 7, "#009E73");
    PulseReport last = s.points().get(s.points().size() - 1);
    String risks = last.isSuppressed() ? "suppressed"
        : last.risks().isEmpty() ? "none"
        : risks(last.risks());
    text(out, x0 + 2 * SPARK + 20, y + CELL_H * 0.65, risks, "start", last.risks().isEmpty() ? "label" : "risk");
  }

  /** The first two risk kinds of the window, and how many more. */
  private static String risks(List<RiskFlag> flags) {
    List<String> kinds = flags.stream().map(f -> f.kind().name()).distinct().toList();
    String shown = kinds.stream().limit(2).collect(Collectors.joining(", "));
    return kinds.size() > 2 ? shown + " +" + (kinds.size() - 2) : shown;
  }

  private static void text(StringBuilder out, double x, double y, String s, String anchor, String cls) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
        .append(anchor).append("\" class=\"").append(cls).append("\">").append(esc(s)).append("</text>\n");
  }
}
