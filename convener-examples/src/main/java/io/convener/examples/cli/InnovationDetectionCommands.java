package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import io.convener.api.innovation.InnovationSpread;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.DetectionShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The detection subcommands of {@code convener innovation}: {@code candidates [--window 180d]},
 * {@code confirm TAG [--window 180d]} and {@code detection [--min-adopters N] [--min-teams M]
 * [--origin-lead 14d] [--origin-share S]}. Windows end at {@code --as-of}. Acts as the operator.
 */
final class InnovationDetectionCommands {
  private InnovationDetectionCommands() {}

  /** {@code innovation candidates}. */
  @Command(name = "candidates", description = "Practices that started in one team and were taken up by others.")
  static final class Candidates implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--window", paramLabel = "180d", description = "How far back a practice may have first appeared (default: ${DEFAULT-VALUE})")
    String window = "180d";

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      Principal operator = GlobalOptions.operator(options.requireTenant(spec));
      Duration w = Windows.parse(spec, window);
      try (Convener convener = Stores.open(options, spec)) {
        CandidateReport r = convener.innovation().candidates(operator, w, options.asOf(spec));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
          Json.print(out, DetectionShapes.json(r));
          return ConvenerCommand.OK;
        }
        if (r.candidates().isEmpty() && !options.csv()) {
          out.println("no candidate innovations in the " + w.toDays() + " days up to " + r.asOf());
          out.flush();
          return ConvenerCommand.OK;
        }
        Table t = new Table(Column.text("tag"), Column.text("originTeam"), Column.text("firstSeen"),
            Column.number("teams", 0), Column.number("adopters", 0), Column.text("confirmedAs"));
        for (InnovationCandidate c : r.candidates()) {
          t.row(c.tag(), c.originTeam().toString(), c.firstSeen().toString(), c.teams(), c.adopters(),
              c.confirmed().map(Object::toString).orElse(null));
        }
        t.print(out, options.format);
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation confirm TAG}. */
  @Command(name = "confirm", description = "Confirm a candidate as an innovation; 'innovation spread practice:TAG' then traces it.")
  static final class Confirm implements Callable<Integer> {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TAG", description = "The candidate's tag")
    String tag = "";

    @Option(names = "--window", paramLabel = "180d", description = "The window the tag must be a candidate in (default: ${DEFAULT-VALUE})")
    String window = "180d";

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      Principal operator = GlobalOptions.operator(options.requireTenant(spec));
      Duration w = Windows.parse(spec, window);
      try (Convener convener = Stores.open(options, spec)) {
        ConfirmedInnovation c = convener.innovation().confirm(operator, tag, w, options.asOf(spec));
        if (options.json()) {
          Json.print(spec.commandLine().getOut(), DetectionShapes.json(c));
        } else {
          spec.commandLine().getOut().printf("confirmed '%s' (first seen in team %s at %s) as innovation %s%n",
              c.tag(), c.originTeam(), c.firstSeen(), c.innovation());
          spec.commandLine().getOut().flush();
        }
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation detection}: show or change the tenant's thresholds. */
  @Command(name = "detection", description = "Show the tenant's detection thresholds, or change some.")
  static final class Detection implements Callable<Integer> {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--min-adopters", paramLabel = "N", description = "Members outside the origin team who must use it")
    @Nullable Integer minAdopters;

    @Option(names = "--min-teams", paramLabel = "M", description = "Teams that must use it, the origin included")
    @Nullable Integer minTeams;

    @Option(names = "--origin-lead", paramLabel = "14d", description = "How long it must stay mostly in the origin team")
    @Nullable String originLead;

    @Option(names = "--origin-share", paramLabel = "S", description = "Share of the lead's uses in the origin team, in (0.5, 1]")
    @Nullable Double originShare;

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      Principal operator = GlobalOptions.operator(options.requireTenant(spec));
      try (Convener convener = Stores.open(options, spec)) {
        InnovationSpread innovation = convener.innovation();
        DetectionSettings now = innovation.detectionSettings(operator);
        if (minAdopters != null || minTeams != null || originLead != null || originShare != null) {
          now = innovation.saveDetectionSettings(operator, new DetectionSettings(
              minAdopters == null ? now.minAdopters() : minAdopters,
              minTeams == null ? now.minTeams() : minTeams,
              originLead == null ? now.originLead() : lead(originLead),
              originShare == null ? now.originShare() : originShare));
        }
        SettingsCommand.print(options, spec.commandLine().getOut(), DetectionShapes.json(now));
      }
      return ConvenerCommand.OK;
    }

    private Duration lead(String value) {
      try {
        return Windows.parse(spec, value);
      } catch (ParameterException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage().replace("'--window'", "'--origin-lead'"));
      }
    }
  }
}
