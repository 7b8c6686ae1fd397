package io.convener.examples.cli;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseProjection;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.PulseShapes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener pulse (--team T | --cohort C | --org PATH) [--window 28d]}: engagement,
 * sentiment, psychological safety and risks of one scope, beside its baseline (the three windows
 * before), as docs/cli.md gives it.
 */
@Command(
    name = "pulse",
    description = {
      "Engagement, sentiment, psychological safety and risks of a team, cohort or org unit.",
      "Groups under k members (default 5) are suppressed; silent members are named only with",
      "their consent for pulse.individual, and counted otherwise."
    })
final class PulseCommand implements Callable<Integer>, Tabular {
  private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,2})d");

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Scope scope;

  /** Exactly one scope. */
  static final class Scope {
    @Option(names = "--team", paramLabel = "T", required = true, description = "A team")
    @Nullable String team;

    @Option(names = "--cohort", paramLabel = "C", required = true, description = "A cohort")
    @Nullable String cohort;

    @Option(names = "--org", paramLabel = "PATH", required = true, description = "An org unit and every unit beneath it, e.g. eng")
    @Nullable String org;
  }

  @Option(names = "--window", paramLabel = "DAYS", description = "Window length, e.g. 28d (default: ${DEFAULT-VALUE})")
  String window = "28d";

  @Option(names = "--series", paramLabel = "N",
      description = "Give N consecutive windows, oldest first, the last ending at --as-of (1 to 104)")
  @Nullable Integer series;

  @Option(names = "--step", paramLabel = "DAYS", description = "Distance between the series' windows (default: ${DEFAULT-VALUE})")
  String step = "7d";

  @Option(names = "--project",
      description = "With --series: project each metric to the next window (Holt's linear smoothing, 80% and 95% intervals)")
  boolean project;

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    PulseRequest request = new PulseRequest(scope(), root.options.asOf(spec), window());
    if (series != null) {
      return PulseTrend.print(spec, root.options, tenant, request, series, days("--step", step), project);
    }
    if (project) {
      throw new ParameterException(spec.commandLine(), "--project needs --series N (at least "
          + PulseProjection.MIN_POINTS + ")");
    }
    PulseReport report;
    try (Convener convener = Stores.open(root.options, spec)) {
      KnownScopes.require(convener, GlobalOptions.operator(tenant), request.scope());
      report = convener.pulse().report(GlobalOptions.operator(tenant), request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (root.options.json()) {
      Json.print(out, PulseShapes.json(report));
    } else if (root.options.csv()) {
      metrics(report).print(out, root.options.format);
    } else {
      printTable(out, report);
    }
    return ConvenerCommand.OK;
  }

  private PulseScope scope() {
    try {
      if (scope.team != null) {
        return PulseScope.team(TeamId.of(scope.team));
      }
      if (scope.cohort != null) {
        return PulseScope.cohort(CohortId.of(scope.cohort));
      }
      return PulseScope.org(OrgUnit.of(requireNonNull(scope.org)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid scope: " + e.getMessage());
    }
  }

  private Duration window() {
    return days("--window", window);
  }

  private Duration days(String option, String value) {
    Matcher m = DAYS.matcher(value);
    if (!m.matches() || Integer.parseInt(m.group(1)) > 366) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': expected 1d to 366d, got '" + value + "'");
    }
    return Duration.ofDays(Integer.parseInt(m.group(1)));
  }

  private static void printTable(PrintWriter out, PulseReport r) {
    out.printf("Pulse of %s, %d days to %s (computed %s)%n", r.scope().wireName(), r.window().toDays(), r.asOf(), r.computedAt());
    r.stale().ifPresent(s -> out.printf("STALE: computed at %s; %s%n", s.computedAt(), s.cause()));
    if (r.isSuppressed()) {
      out.printf("suppressed: %s%n", r.suppressed().orElseThrow());
      out.flush();
      return;
    }
    StringWriter table = new StringWriter();
    metrics(r).text(new PrintWriter(table));
    table.toString().lines().forEach(line -> out.println("  " + line));
    out.println(r.risks().isEmpty() ? "No risks." : "Risks:");
    for (RiskFlag f : r.risks()) {
      String who = f.member().map(m -> " " + m.value().value()).orElse(f.kind().individual() ? " (" + f.count() + " unnamed)" : "");
      out.printf("  %-6s %s%s: %s%n", f.severity(), f.kind(), who, f.reason());
    }
    out.flush();
  }

  /** The metrics table: one row per metric, its value in the window, in the baseline, and the change. */
  private static Table metrics(PulseReport r) {
    Table t = new Table(Column.text("metric"), Column.number("window", 2), Column.number("baseline", 2),
        Column.number("change", 2));
    if (!r.isSuppressed()) {
      for (PulseMetric m : PulseShapes.METRICS) {
        t.row(m.wireName(), value(m, r.metrics().get(m)), value(m, r.baseline().get(m)), value(m, r.change(m)));
      }
    }
    return t;
  }

  /** Metrics that count members, which print as whole numbers when they are whole. */
  private static final Set<PulseMetric> COUNTS = EnumSet.of(PulseMetric.MEMBERS, PulseMetric.ACTIVE_MEMBERS,
      PulseMetric.RESPONDENTS, PulseMetric.ABSENCE_FACTOR);

  /** A metric's value for a table: a count that is whole as a {@code long}, else the value itself. */
  static @Nullable Object value(PulseMetric metric, OptionalDouble v) {
    if (v.isEmpty()) {
      return null;
    }
    double x = v.getAsDouble();
    return COUNTS.contains(metric) && x == Math.rint(x) && Math.abs(x) < 1e15 ? (Object) (long) x : (Object) x;
  }

  /** A value with two decimals, {@code -} when absent, never {@code -0.00}. */
  static String fmt(OptionalDouble v) {
    return Table.shown(v, 2);
  }
}
