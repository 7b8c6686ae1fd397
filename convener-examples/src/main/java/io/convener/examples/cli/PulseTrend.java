package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseSeries;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.PulseProjectionShapes;
import io.convener.http.json.PulseShapes;
import io.convener.http.json.PulseSeriesShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code convener pulse … --series N --step 7d}: N consecutive windows of one scope in one call,
 * printed oldest first as a table (one row per window) or as the series document; with {@code
 * --project}, each metric's projection to the next window as well.
 */
final class PulseTrend {
  private static final List<PulseMetric> COLUMNS = List.of(PulseMetric.ACTIVE_MEMBERS, PulseMetric.PARTICIPATION_RATE,
      PulseMetric.RESPONSE_RATE, PulseMetric.RECIPROCITY, PulseMetric.SENTIMENT, PulseMetric.PSYCH_SAFETY);

  private PulseTrend() {}

  static int print(CommandSpec spec, GlobalOptions options, TenantId tenant, PulseRequest last, int points,
      Duration step, boolean project) {
    try {
      PulseSeries.check(points, step);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--series' or '--step': "
          + e.getMessage());
    }
    PulseSeries series;
    try (Convener convener = Stores.open(options, spec)) {
      KnownScopes.require(convener, GlobalOptions.operator(tenant), last.scope());
      series = convener.pulse().series(GlobalOptions.operator(tenant), last, points, step);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      Json.print(out, PulseSeriesShapes.json(series, project));
      return ConvenerCommand.OK;
    }
    List<Column> columns = new ArrayList<>(List.of(Column.text("asOf")));
    COLUMNS.forEach(m -> columns.add(Column.number(m.wireName(), 2)));
    columns.add(Column.number("risks", 0));
    columns.add(Column.text("suppressed"));
    Table t = new Table(columns);
    for (PulseReport p : series.points()) {
      List<@Nullable Object> row = new ArrayList<>(List.of(p.asOf().toString()));
      COLUMNS.forEach(m -> row.add(p.isSuppressed() ? null : PulseCommand.value(m, p.metrics().get(m))));
      row.add(p.isSuppressed() ? null : p.risks().size());
      row.add(p.suppressed().orElse(""));
      t.row(row.toArray());
    }
    if (project && options.csv()) {
      projection(series).print(out, options.format);
      out.flush();
      return ConvenerCommand.OK;
    }
    if (!options.csv()) {
      out.printf("Pulse of %s: %d windows of %d days, %d days apart (provenance entry %d)%n",
          series.scope().wireName(), points, last.window().toDays(), step.toDays(), series.provenanceId().orElse(0));
    }
    t.print(out, options.format);
    if (project) {
      out.printf("Projection to %s (%s; 80%% and 95%% intervals):%n",
          series.points().get(points - 1).asOf().plus(step), PulseProjection.METHOD);
      projection(series).print(out, options.format);
    }
    out.flush();
    return ConvenerCommand.OK;
  }

  /** The table of {@code --project}: one row per metric, its projection or why there is none. */
  static Table projection(PulseSeries series) {
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
