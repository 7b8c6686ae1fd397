package io.convener.examples.report;

import static io.convener.examples.report.Markup.num;

/** A sparkline: a polyline over the defined values in a box, gaps where a value is undefined. */
final class Sparkline {
  private Sparkline() {}

  /**
   * Draws the values left to right in the box; the range {@code [lo, hi]} maps to its height.
   * Undefined values (NaN) break the line.
   */
  static void render(StringBuilder out, double[] values, double x, double y, double w, double h, double lo, double hi,
      String colour) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
        .append("\" height=\"").append(num(h)).append("\" class=\"spark-box\"/>\n");
    double stepX = values.length > 1 ? w / (values.length - 1) : 0;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i <= values.length; i++) {
      boolean defined = i < values.length && Double.isFinite(values[i]);
      if (defined) {
        double t = (Math.max(lo, Math.min(hi, values[i])) - lo) / (hi - lo);
        points.append(num(x + i * stepX)).append(',').append(num(y + h - t * h)).append(' ');
      } else if (points.length() > 0) {
        out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
            .append(points.toString().strip()).append("\"/>\n");
        points.setLength(0);
      }
    }
  }
}
