package io.convener.examples.cli;

import io.convener.api.CohortId;
import io.convener.api.Convener;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.RankedMember;
import io.convener.http.json.ChampionShapes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener champions}: the tenant's ranked champions and connectors, each with its score,
 * roles, persona, components, weights, evidence and provenance id. Only members who consent to
 * {@code champion.recommendation} are listed; the others are counted.
 */
@Command(
    name = "champions",
    description = {
      "Ranked champions and connectors, explained: components, weights, evidence, provenance id.",
      "Only members who consent to champion.recommendation are named; the others are counted."
    })
final class ChampionsCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--team", paramLabel = "T", description = "Only members of this team")
  @Nullable String team;

  @Option(names = "--cohort", paramLabel = "C", description = "Only members of this cohort")
  @Nullable String cohort;

  @Option(names = "--org", paramLabel = "PATH", description = "Only members of this org unit or beneath it")
  @Nullable String org;

  @Option(names = "--role", paramLabel = "champion|connector", description = "Only members holding this role")
  @Nullable String role;

  @Option(names = "--min-activity", paramLabel = "N", description = "Only members with at least N contributions and responses (default 1)")
  double minActivity = 1;

  @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default 20)")
  int limit = 20;

  @Option(names = "--window", paramLabel = "90d", description = "Window length ending at --as-of (default 90d)")
  String window = "90d";

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    ChampionQuery query = query();
    try (Convener convener = Stores.open(root.options, spec)) {
      ChampionRanking r = convener.champions().champions(GlobalOptions.operator(tenant), query);
      PrintWriter out = spec.commandLine().getOut();
      if (root.options.json()) {
        Json.print(out, ChampionShapes.json(tenant.value(), window, r));
      } else {
        table(out, r);
      }
      return ConvenerCommand.OK;
    }
  }

  private ChampionQuery query() {
    try {
      ChampionQuery.Builder b = ChampionQuery.builder().asOf(root.options.asOf(spec))
          .window(Windows.parse(spec, window)).minActivity(minActivity).limit(limit);
      if (team != null) {
        b.team(TeamId.of(team));
      }
      if (cohort != null) {
        b.cohort(CohortId.of(cohort));
      }
      if (org != null) {
        b.org(OrgUnit.of(org));
      }
      if (role != null) {
        b.role(switch (role) {
          case "champion" -> ChampionRole.CHAMPION;
          case "connector" -> ChampionRole.CONNECTOR;
          default -> throw new IllegalArgumentException("--role must be champion or connector, got '" + role + "'");
        });
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void table(PrintWriter out, ChampionRanking r) {
    out.printf(Locale.ROOT, "%4s  %-20s %7s  %-20s %-11s %s%n", "rank", "member", "score", "roles", "persona",
        "components (influence engagement responses endorsements brokerage ...)");
    for (RankedMember e : r.champions()) {
      StringBuilder c = new StringBuilder();
      e.components().forEach((k, v) -> c.append(String.format(Locale.ROOT, "%.2f ", v)));
      out.printf(Locale.ROOT, "%4d  %-20s %7.3f  %-20s %-11s %s%n", e.rank(), e.member().value().value(), e.score(),
          String.join(",", e.roles().stream().map(ChampionRole::wireName).sorted().toList()),
          e.persona().wireName(), c.toString().trim());
    }
    out.printf(Locale.ROOT, "%d listed of %d candidates; %d without consent not named; graph %d members, %d ties,"
            + " %d events; provenance entry %d%n", r.champions().size(), r.candidates(), r.withheld(),
        r.graph().nodes(), r.graph().edges(), r.graph().eventsInWindow(), r.provenanceId());
    out.flush();
  }
}
