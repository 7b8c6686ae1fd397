package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.ReplicationSuggestion;
import io.convener.api.innovation.ReplicationSuggestions;
import io.convener.http.json.ReplicationShapes;
import io.convener.http.json.RoiShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
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
 * The replication subcommands of {@code convener innovation}: {@code suggest ID [--limit N]}, the
 * teams most likely to benefit that had not adopted the innovation by {@code --as-of}, each with
 * its reason; and {@code roi ID [--outcome NAME] [--before 28d --after 28d]}, the difference in
 * differences of team outcomes. Names teams only. Acts as the operator.
 */
final class InnovationReplicationCommands {
  private InnovationReplicationCommands() {}

  /** {@code innovation suggest ID}. */
  @Command(name = "suggest", description = "Teams most likely to benefit from an innovation they have not adopted, with the reason.")
  static final class Suggest implements Callable<Integer> {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The innovation's event id")
    String id = "";

    @Option(names = "--limit", paramLabel = "N", description = "How many teams, 1 to 100 (default: ${DEFAULT-VALUE})")
    int limit = InnovationSpread.DEFAULT_SUGGESTION_LIMIT;

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      Principal operator = GlobalOptions.operator(options.requireTenant(spec));
      EventId innovation = InnovationCommand.innovation(spec, id);
      if (limit < 1 || limit > InnovationSpread.MAX_SUGGESTION_LIMIT) {
        throw new ParameterException(spec.commandLine(),
            "'--limit' must be 1 to " + InnovationSpread.MAX_SUGGESTION_LIMIT + ", got " + limit);
      }
      try (Convener convener = Stores.open(options, spec)) {
        ReplicationSuggestions r = convener.innovation().suggest(operator, innovation, limit, options.asOf(spec));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
          Json.print(out, ReplicationShapes.json(r));
          return ConvenerCommand.OK;
        }
        out.printf("%s: %d adopting teams, %d candidate teams up to %s%n", r.innovation(), r.adoptingTeams(),
            r.candidateTeams(), r.asOf());
        if (!r.suggestions().isEmpty()) {
          out.printf("%-16s %6s  %s%n", "team", "score", "reason");
        }
        for (ReplicationSuggestion s : r.suggestions()) {
          out.printf("%-16s %6.3f  %s%n", s.team(), s.score(), s.reason());
        }
        out.flush();
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation roi ID}. */
  @Command(name = "roi", description = "Difference in differences of team outcomes around the adoption, with a 95% interval.")
  static final class Roi implements Callable<Integer> {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The innovation's event id")
    String id = "";

    @Option(names = "--outcome", paramLabel = "NAME", description = "Only outcomes whose attrs.name is NAME (default: all)")
    @Nullable String outcome;

    @Option(names = "--before", paramLabel = "28d", description = "Window before each adoption (default: ${DEFAULT-VALUE})")
    String before = "28d";

    @Option(names = "--after", paramLabel = "28d", description = "Window after each adoption (default: ${DEFAULT-VALUE})")
    String after = "28d";

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      Principal operator = GlobalOptions.operator(options.requireTenant(spec));
      EventId innovation = InnovationCommand.innovation(spec, id);
      Duration b = window("--before", before);
      Duration a = window("--after", after);
      try (Convener convener = Stores.open(options, spec)) {
        InnovationRoi r = convener.innovation().roi(operator, innovation, Optional.ofNullable(outcome), b, a);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
          Json.print(out, RoiShapes.json(r));
          return ConvenerCommand.OK;
        }
        out.printf("%s: %d adopting and %d comparison teams, %s before and %s after each adoption%n", r.innovation(),
            r.adoptingTeams(), r.comparisonTeams(), b.toDays() + "d", a.toDays() + "d");
        if (r.estimate().isPresent()) {
          InnovationRoi.Estimate e = r.estimate().get();
          out.printf("difference in differences %.3f (95%% interval %.3f to %.3f; %s); adopters' own change %.3f%n",
              e.effect(), e.low(), e.high(), e.method(), e.naiveChange());
        } else {
          out.println(r.notEnoughData().orElse("not enough data"));
        }
        out.flush();
      }
      return ConvenerCommand.OK;
    }

    private Duration window(String option, String value) {
      try {
        return Windows.parse(spec, value);
      } catch (ParameterException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage().replace("'--window'", "'" + option + "'"));
      }
    }
  }
}
