package io.convener.examples.cli;

import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseSeries;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.PulseProjectionShapes;
import io.convener.http.json.PulseShapes;
import java.util.Optional;

/**
 * The table of {@code convener pulse … --series N --project}: one row per metric, its projection
 * to the window after the series with the 80% and 95% intervals, or why there is none.
 */
final class PulseProjectionTable {
  private PulseProjectionTable() {}

  /** The projection table of a series. */
  static Table of(PulseSeries series) {
    Table t = new Table(Column.text("metric"), Column.text("asOf"), Column.number("value", 2), Column.number("low", 2),
        Column.number("high", 2), Column.number("low95", 2), Column.number("high95", 2), Column.number("points", 0),
        Column.text("note"));
    String asOf = series.points().get(series.points().size() - 1).asOf().plus(series.step()).toString();
    for (PulseMetric m : PulseShapes.METRICS) {
      Optional<PulseProjection> p = PulseProjection.of(series, m);
      if (p.isPresent()) {
        PulseProjection x = p.get();
        t.row(m.wireName(), asOf, x.value(), x.low(), x.high(), x.low95(), x.high95(), x.points(), "");
      } else {
        t.row(m.wireName(), asOf, null, null, null, null, null, PulseProjection.usablePoints(series, m),
            PulseProjectionShapes.unavailable(series, m));
      }
    }
    return t;
  }
}
