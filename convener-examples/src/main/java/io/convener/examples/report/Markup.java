package io.convener.examples.report;

import io.convener.http.export.Xml;
import java.util.Locale;

/** Escaping and number formatting for the report's XHTML and SVG. */
final class Markup {
  /** Colours of communities and series: a colour-blind-safe qualitative palette (Okabe-Ito, then Tableau). */
  static final String[] PALETTE = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF"
  };

  private Markup() {}

  /** Text escaped for XML content and attributes; characters XML 1.0 forbids become U+FFFD. */
  static String esc(String s) {
    return Xml.escape(s);
  }

  /** A coordinate with one decimal. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A value with {@code digits} decimals, or an en dash when not finite. */
  static String fmt(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "\u2013";
  }

  /** The palette colour of a community or series index. */
  static String colour(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /**
   * A sequential blue for a value in [0, 1] (0 light, 1 dark), interpolated between two fixed
   * colours, with the text colour that stays readable on it.
   */
  static String[] heat(double v) {
    double t = Math.max(0, Math.min(1, v));
    int r = (int) Math.round(0xEF + (0x08 - 0xEF) * t);
    int g = (int) Math.round(0xF3 + (0x30 - 0xF3) * t);
    int b = (int) Math.round(0xFF + (0x6B - 0xFF) * t);
    return new String[] {String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b), t > 0.5 ? "#ffffff" : "#111111"};
  }
}
