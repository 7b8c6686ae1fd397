package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The demo's pulse section: one line per team, its 28-day metrics against the baseline, and its risks. */
final class PulseTable {
  private PulseTable() {}

  static void print(PrintWriter out, Convener convener, TenantId tenant, GeneratedOrganisation org, Instant asOf) {
    out.printf("Pulse of every team: the 28 days to %s against the three windows before (\"-\": undefined)%n", asOf);
    out.printf("  %-12s %4s %7s %13s %7s %6s %6s %6s  %-22s %s%n", "team", "size", "active", "events/member",
        "answrd", "gini", "mood", "safety", "designed", "risks");
    for (SyntheticTeam team : org.teams()) {
      PulseReport r = convener.pulse().report(GlobalOptions.operator(tenant), PulseRequest.of(PulseScope.team(team.id()), asOf));
      String designed = team.profile().trend().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + (team.profile().psychSafety() < 0.5 ? ", unsafe" : "");
      if (r.isSuppressed()) {
        out.printf("  %-12s suppressed: %s%n", team.id(), r.suppressed().orElseThrow());
        continue;
      }
      out.printf(Locale.ROOT, "  %-12s %4d %6.0f%% %6s → %-5s %6s%% %6s %6s %6s  %-22s %s%n", team.id(), r.metrics().members(),
          100 * r.metrics().get(PulseMetric.PARTICIPATION_RATE).orElse(0),
          PulseCommand.fmt(r.baseline().get(PulseMetric.EVENTS_PER_MEMBER)).replace(".00", ""),
          PulseCommand.fmt(r.metrics().get(PulseMetric.EVENTS_PER_MEMBER)).replace(".00", ""),
          percent(r, PulseMetric.RESPONSE_RATE), PulseCommand.fmt(r.metrics().get(PulseMetric.TURN_TAKING_GINI)),
          PulseCommand.fmt(r.metrics().get(PulseMetric.SENTIMENT)), PulseCommand.fmt(r.metrics().get(PulseMetric.PSYCH_SAFETY)),
          designed, risks(r));
    }
    out.println();
    out.flush();
  }

  private static String percent(PulseReport r, PulseMetric m) {
    return r.metrics().get(m).isPresent() ? String.format(Locale.ROOT, "%.0f", 100 * r.metrics().get(m).getAsDouble()) : "-";
  }

  private static String risks(PulseReport r) {
    List<String> out = new ArrayList<>();
    for (RiskFlag f : r.risks()) {
      out.add(f.kind() + (f.member().map(m -> " " + m.value().value()).orElse(f.kind().individual() ? " ×" + f.count() : "")));
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }
}
