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
import io.convener.api.pulse.PulseScope;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.ChampionShapes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
final class ChampionsCommand implements Callable<Integer>, Tabular {
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
      for (PulseScope scope : scopes()) {
        KnownScopes.require(convener, GlobalOptions.operator(tenant), scope);
      }
      ChampionRanking r = convener.champions().rank(GlobalOptions.operator(tenant), query);
      PrintWriter out = spec.commandLine().getOut();
      if (root.options.json()) {
        Json.print(out, ChampionShapes.json(tenant.value(), window, r));
      } else {
        table(out, r);
      }
      return ConvenerCommand.OK;
    }
  }

  /** The team, cohort and org unit given, which must exist; the query has checked their syntax. */
  private List<PulseScope> scopes() {
    List<PulseScope> scopes = new ArrayList<>();
    if (team != null) {
      scopes.add(PulseScope.team(TeamId.of(team)));
    }
    if (cohort != null) {
      scopes.add(PulseScope.cohort(CohortId.of(cohort)));
    }
    if (org != null) {
      scopes.add(PulseScope.org(OrgUnit.of(org)));
    }
    return scopes;
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

  private void table(PrintWriter out, ChampionRanking r) {
    Set<String> components = new LinkedHashSet<>();
    r.champions().forEach(e -> components.addAll(e.components().keySet()));
    List<Column> columns = new ArrayList<>(List.of(Column.number("rank", 0), Column.text("member"),
        Column.number("score", 3), Column.text("roles"), Column.text("persona")));
    components.forEach(c -> columns.add(Column.number(c, 2)));
    Table t = new Table(columns);
    for (RankedMember e : r.champions()) {
      List<@Nullable Object> row = new ArrayList<>(List.of(e.rank(), e.member().value().value(), e.score(),
          String.join(",", e.roles().stream().map(ChampionRole::wireName).sorted().toList()), e.persona().wireName()));
      components.forEach(c -> row.add(e.components().get(c)));
      t.row(row.toArray());
    }
    t.print(out, root.options.format);
    if (root.options.csv()) {
      return;
    }
    out.printf(Locale.ROOT, "%d listed of %d candidates; %d without consent not named; graph %d members, %d ties,"
            + " %d events; provenance entry %d%n", r.champions().size(), r.candidates(), r.withheld(),
        r.graph().nodes(), r.graph().edges(), r.graph().eventsInWindow(), r.provenanceId());
    out.flush();
  }
}
