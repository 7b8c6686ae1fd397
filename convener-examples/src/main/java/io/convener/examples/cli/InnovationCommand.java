package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.innovation.SuccessfulPattern;
import io.convener.http.json.InnovationShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener innovation}: an innovation's lineage and spread metrics ({@code spread ID}), the
 * tenant's side of sharing agreements ({@code share --with B}, {@code accept --from A}, {@code
 * withdraw}, {@code agreements}), pushing a successful pattern to team leads ({@code push ID}), and
 * detected innovations ({@link InnovationDetectionCommands}).
 * Acts as the operator (role ADMIN); every run leaves its provenance entry.
 */
@Command(
    name = "innovation",
    description = "Trace how a practice spreads across teams and tenants; manage sharing agreements.",
    subcommands = {InnovationCommand.Spread.class, InnovationCommand.Share.class, InnovationCommand.Accept.class,
        InnovationCommand.Withdraw.class, InnovationCommand.Agreements.class, InnovationCommand.Push.class,
        InnovationDetectionCommands.Candidates.class, InnovationDetectionCommands.Confirm.class,
        InnovationDetectionCommands.Detection.class, InnovationReplicationCommands.Suggest.class,
        InnovationReplicationCommands.Roi.class})
final class InnovationCommand implements Callable<Integer> {

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: spread, share, accept, withdraw, agreements, push, candidates, confirm or detection");
  }

  static TenantId counterpart(CommandSpec spec, String option, String value) {
    try {
      return TenantId.of(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
    }
  }

  static EventId innovation(CommandSpec spec, String value) {
    try {
      return EventId.of(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid innovation id: " + e.getMessage());
    }
  }

  /** Records one side of an agreement and prints the tenant's agreements. */
  static int agree(InnovationCommand parent, CommandSpec spec, SharingTerms terms) {
    TenantId tenant = parent.root.options.requireTenant(spec);
    try (Convener convener = Stores.open(parent.root.options, spec)) {
      InnovationSpread innovation = convener.innovation();
      innovation.agree(GlobalOptions.operator(tenant), terms);
      AgreementOutput.print(parent.root.options, spec.commandLine().getOut(), innovation.agreements(GlobalOptions.operator(tenant)));
    }
    return ConvenerCommand.OK;
  }

  /** {@code innovation spread ID}. */
  @Command(name = "spread", description = "Lineage and adoption metrics of one innovation.")
  static final class Spread implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The innovation's event id")
    String id = "";

    @Option(names = "--window", paramLabel = "30d", description = "Earliest-exposure window before an adoption (default: ${DEFAULT-VALUE})")
    String window = "30d";

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      EventId innovation = innovation(spec, id);
      Duration w = Windows.parse(spec, window);
      try (Convener convener = Stores.open(options, spec)) {
        SpreadReport r = convener.innovation().spread(GlobalOptions.operator(tenant), innovation, w);
        if (options.json()) {
          Json.print(spec.commandLine().getOut(), InnovationShapes.json(r));
        } else if (options.csv()) {
          SpreadOutput.csv(spec.commandLine().getOut(), r);
        } else {
          SpreadOutput.table(spec.commandLine().getOut(), r);
        }
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation share --with B}. */
  @Command(name = "share", description = "Let tenant B's teams record adoptions of this tenant's innovations.")
  static final class Share implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--with", required = true, paramLabel = "B", description = "The other tenant")
    String with = "";

    @Override
    public Integer call() {
      return agree(parent, spec, SharingTerms.shareWith(counterpart(spec, "--with", with)));
    }
  }

  /** {@code innovation accept --from A}. */
  @Command(name = "accept", description = "Let this tenant's teams record adoptions learned from tenant A.")
  static final class Accept implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "A", description = "The other tenant")
    String from = "";

    @Override
    public Integer call() {
      return agree(parent, spec, SharingTerms.acceptFrom(counterpart(spec, "--from", from)));
    }
  }

  /** {@code innovation withdraw (--share-with B | --accept-from A)}. */
  @Command(name = "withdraw", description = "Withdraw one side of a sharing agreement.")
  static final class Withdraw implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--share-with", paramLabel = "B", description = "Stop sharing with tenant B")
    String shareWith = "";

    @Option(names = "--accept-from", paramLabel = "A", description = "Stop accepting from tenant A")
    String acceptFrom = "";

    @Override
    public Integer call() {
      if (shareWith.isEmpty() == acceptFrom.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "Give exactly one of --share-with and --accept-from");
      }
      SharingTerms terms = shareWith.isEmpty()
          ? SharingTerms.acceptFrom(counterpart(spec, "--accept-from", acceptFrom))
          : SharingTerms.shareWith(counterpart(spec, "--share-with", shareWith));
      TenantId tenant = parent.root.options.requireTenant(spec);
      try (Convener convener = Stores.open(parent.root.options, spec)) {
        boolean removed = convener.innovation().withdraw(GlobalOptions.operator(tenant), terms);
        if (!removed) {
          spec.commandLine().getErr().println("convener: no such agreement was recorded");
        }
        AgreementOutput.print(parent.root.options, spec.commandLine().getOut(),
            convener.innovation().agreements(GlobalOptions.operator(tenant)));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation agreements}. */
  @Command(name = "agreements", description = "List this tenant's side of its sharing agreements.")
  static final class Agreements implements Callable<Integer>, Tabular {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      TenantId tenant = parent.root.options.requireTenant(spec);
      try (Convener convener = Stores.open(parent.root.options, spec)) {
        AgreementOutput.print(parent.root.options, spec.commandLine().getOut(),
            convener.innovation().agreements(GlobalOptions.operator(tenant)));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code innovation push ID}. */
  @Command(name = "push", description = "If the innovation improved its adopters' outcomes, tell the leads of the other teams.")
  static final class Push implements Callable<Integer> {
    @ParentCommand InnovationCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The innovation's event id")
    String id = "";

    @Override
    public Integer call() {
      TenantId tenant = parent.root.options.requireTenant(spec);
      EventId innovation = innovation(spec, id);
      try (Convener convener = Stores.open(parent.root.options, spec)) {
        SuccessfulPattern p = convener.innovation().pushIfSuccessful(GlobalOptions.operator(tenant), innovation);
        PrintWriter out = spec.commandLine().getOut();
        if (parent.root.options.json()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("innovation", p.innovation().value());
          m.put("teamsCompared", p.teamsCompared());
          m.put("teamsImproved", p.teamsImproved());
          m.put("meanUplift", p.meanUplift());
          m.put("successful", p.successful());
          m.put("notified", p.notified());
          m.put("provenanceId", p.provenanceId());
          Json.print(out, m);
        } else {
          out.printf("%s: %d of %d compared teams improved (mean uplift %s): %s; %d team leads notified%n",
              p.innovation(), p.teamsImproved(), p.teamsCompared(), Table.shown(p.meanUplift(), 2),
              p.successful() ? "successful pattern" : "not a successful pattern", p.notified());
          out.flush();
        }
      }
      return ConvenerCommand.OK;
    }
  }
}
