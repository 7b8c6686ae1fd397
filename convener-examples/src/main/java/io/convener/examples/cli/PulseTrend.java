package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseSeries;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.PulseSeriesShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code convener pulse … --series N --step 7d}: N consecutive windows of one scope in one call,
 * printed oldest first as a table (one row per window) or as the series document.
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
      PulseProjectionTable.of(series).print(out, options.format);
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
      PulseProjectionTable.of(series).print(out, options.format);
    }
    out.flush();
    return ConvenerCommand.OK;
  }
}
