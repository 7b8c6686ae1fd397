package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.Recommendation;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener collaborators}: members outside a team recommended for its project, by skills,
 * participation and network proximity, each explained; consent-gated.
 */
@Command(
    name = "collaborators",
    description = {
      "Recommended collaborators for a team: members outside it with the skills, explained.",
      "Only members who consent to champion.recommendation are named; the others are counted."
    })
final class CollaboratorsCommand implements Callable<Integer>, Tabular {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--team", paramLabel = "T", required = true, description = "The team that asks")
  String team;

  @Option(names = "--skills", paramLabel = "a,b", split = ",", description = "Skills wanted (default: the team's declared skills)")
  List<String> skills = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "At most N recommendations (default 10)")
  int limit = 10;

  @Option(names = "--diverse", description = "Favour people who bring contacts the team does not have")
  boolean diverse;

  @Option(names = "--window", paramLabel = "90d", description = "Window length ending at --as-of (default 90d)")
  String window = "90d";

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    CollaboratorQuery query;
    try {
      Set<String> wanted = new LinkedHashSet<>();
      for (String s : skills) {
        if (!s.isBlank()) {
          wanted.add(s.strip());
        }
      }
      query = CollaboratorQuery.of(TeamId.of(team), wanted).withLimit(limit).withDiverseTies(diverse)
          .withWindow(Windows.parse(spec, window)).withAsOf(root.options.asOf(spec));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Convener convener = Stores.open(root.options, spec)) {
      KnownScopes.require(convener, GlobalOptions.operator(tenant), PulseScope.team(query.team()));
      CollaboratorRecommendations r = convener.champions().collaborators(GlobalOptions.operator(tenant), query);
      PrintWriter out = spec.commandLine().getOut();
      if (root.options.json()) {
        Json.print(out, ChampionShapes.json(r));
      } else {
        Table t = new Table(Column.text("member"), Column.number("score", 3), Column.text("reasons"));
        for (Recommendation x : r.recommendations()) {
          t.row(x.member().value().value(), x.score(), String.join("; ", x.reasons()));
        }
        if (root.options.csv()) {
          t.print(out, root.options.format);
          return ConvenerCommand.OK;
        }
        out.printf("Collaborators for team %s (skills: %s)%n", r.team().value(), String.join(", ", r.skills()));
        t.print(out, root.options.format);
        out.printf(Locale.ROOT, "%d listed of %d candidates; %d without consent not named; provenance entry %d%n",
            r.recommendations().size(), r.candidates(), r.withheld(), r.provenanceId());
        out.flush();
      }
      return ConvenerCommand.OK;
    }
  }

}
