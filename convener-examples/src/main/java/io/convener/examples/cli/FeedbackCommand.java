package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackKind;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.TeamFeedback;
import io.convener.api.feedback.Verdict;
import io.convener.api.pulse.RiskKind;
import io.convener.http.json.FeedbackShapes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener feedback (add|list|review|rates)}: agree with or dispute a champion, an
 * attribution or a risk flag, and review disputes. The commands act as the operator principal
 * (subject {@code cli}, role ADMIN), or with {@code --as MEMBER_ID} as that member (role MEMBER, or
 * TEAM_LEAD with {@code --lead}). Each run adds its own entry to the provenance log. {@code --format
 * json} prints {@code {"feedback":[…]}}, or {@code {"teams":[…]}} for {@code rates}.
 */
@Command(
    name = "feedback",
    description = "Agree with or dispute champions, attributions and risk flags; review disputes.",
    subcommands = {FeedbackCommand.Add.class, FeedbackCommand.ListCommand.class, FeedbackCommand.Review.class,
        FeedbackCommand.Rates.class})
final class FeedbackCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list, review or rates");
  }

  /** Who acts: the operator, or {@code --as} a member (with {@code --lead}, a team lead). */
  static final class Actor {
    @Option(names = "--as", paramLabel = "MEMBER_ID", description = "Act as this member (role MEMBER)")
    @Nullable String as;

    @Option(names = "--lead", description = "With --as: act as a team lead (role TEAM_LEAD)")
    boolean lead;

    Principal principal(CommandSpec command, TenantId tenant) {
      if (as == null) {
        if (lead) {
          throw new ParameterException(command.commandLine(), "--lead needs --as MEMBER_ID");
        }
        return GlobalOptions.operator(tenant);
      }
      String member = parse(command, "--as", as, MemberId::of).value();
      return Principal.of(tenant, member, lead ? Role.TEAM_LEAD : Role.MEMBER);
    }
  }

  /** The value parsed, or a usage error naming the option. */
  static <T> T parse(CommandSpec command, String option, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "Invalid value for option '" + option + "': "
          + e.getMessage());
    }
  }

  private static void print(GlobalOptions options, PrintWriter out, List<Feedback> feedback) {
    if (options.json()) {
      Json.print(out, Map.of("feedback", feedback.stream().map(FeedbackShapes::json).toList()));
      return;
    }
    for (Feedback f : feedback) {
      FeedbackTarget t = f.target();
      String target = String.join(" ", t.risk().map(Enum::name).orElse(""),
          t.outcome().map(EventId::value).orElse(""), t.member().map(MemberId::value).orElse(""),
          t.team().map(TeamId::value).orElse("")).trim().replaceAll(" +", " ");
      out.printf("%-40s %-11s %-8s %-8s %-30s by %s: %s%n", f.id(), t.kind().wireName(), f.verdict().wireName(),
          f.status().wireName(), target, f.author(), f.reason());
    }
    out.flush();
  }

  /** {@code feedback add}. */
  @Command(name = "add", description = "Agree with or dispute a result: champion --member M; attribution --outcome O"
      + " --member M; risk --risk KIND (--member M | --team T).")
  static final class Add implements Callable<Integer> {
    @ParentCommand FeedbackCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "K", description = "champion, attribution or risk")
    String kind = "";

    @Option(names = "--member", paramLabel = "M", description = "The member the result names")
    @Nullable String member;

    @Option(names = "--outcome", paramLabel = "O", description = "The outcome of an attribution")
    @Nullable String outcome;

    @Option(names = "--team", paramLabel = "T", description = "The team of a scope-wide risk flag")
    @Nullable String team;

    @Option(names = "--risk", paramLabel = "KIND", description = "The risk kind, such as SILENT_MEMBER")
    @Nullable String risk;

    @Option(names = "--verdict", required = true, paramLabel = "V", description = "agree or dispute")
    String verdict = "";

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for people (one line, at most 500"
        + " characters; required for a dispute)")
    String reason = "";

    @ArgGroup(exclusive = false)
    Actor actor = new Actor();

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      FeedbackTarget target;
      try {
        target = new FeedbackTarget(parse(spec, "--kind", kind, FeedbackKind::of), part("--member", member,
            MemberId::of), part("--team", team, TeamId::of), part("--outcome", outcome, EventId::of),
            part("--risk", risk, v -> RiskKind.valueOf(v.trim().toUpperCase(Locale.ROOT))));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Verdict v = parse(spec, "--verdict", verdict, Verdict::of);
      Principal principal = actor.principal(spec, tenant);
      try (Convener convener = Stores.open(options, spec)) {
        print(options, spec.commandLine().getOut(), List.of(convener.feedback().give(principal, target, v, reason)));
      }
      return ConvenerCommand.OK;
    }

    private <T> Optional<T> part(String option, @Nullable String value, Function<String, T> parser) {
      return value == null ? Optional.empty() : Optional.of(parse(spec, option, value, parser));
    }
  }

  /** {@code feedback list}. */
  @Command(name = "list", description = "List the feedback you may see, newest first.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand FeedbackCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only this status: noted, open, accepted, rejected")
    @Nullable String status;

    @ArgGroup(exclusive = false)
    Actor actor = new Actor();

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      Optional<FeedbackStatus> only = Optional.ofNullable(status).map(s -> parse(spec, "--status", s,
          FeedbackStatus::of));
      Principal principal = actor.principal(spec, tenant);
      try (Convener convener = Stores.open(options, spec)) {
        print(options, spec.commandLine().getOut(), convener.feedback().list(principal, only));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code feedback review}. */
  @Command(name = "review", description = "Accept or reject an open dispute, as the operator (admin).")
  static final class Review implements Callable<Integer> {
    @ParentCommand FeedbackCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The feedback id")
    String id = "";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision = new Decision();

    /** Exactly one of --accept and --reject. */
    static final class Decision {
      @Option(names = "--accept", required = true, description = "Accept: the dispute holds for good") boolean accept;
      @Option(names = "--reject", required = true, description = "Reject: the result is restored") boolean reject;
    }

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      FeedbackId feedback = parse(spec, "ID", id, FeedbackId::of);
      try (Convener convener = Stores.open(options, spec)) {
        print(options, spec.commandLine().getOut(),
            List.of(convener.feedback().review(GlobalOptions.operator(tenant), feedback, decision.accept)));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code feedback rates}. */
  @Command(name = "rates", description = "Feedback counts and dispute rate per team.")
  static final class Rates implements Callable<Integer> {
    @ParentCommand FeedbackCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (Convener convener = Stores.open(options, spec)) {
        List<TeamFeedback> rates = convener.feedback().rates(GlobalOptions.operator(tenant));
        if (options.json()) {
          Json.print(out, Map.of("teams", rates.stream().map(FeedbackShapes::json).toList()));
        } else {
          out.printf("%-24s %7s %8s %5s %8s %12s%n", "team", "agreed", "disputed", "open", "rejected", "dispute rate");
          rates.forEach(t -> out.printf(Locale.ROOT, "%-24s %7d %8d %5d %8d %11.0f%%%n", t.team(), t.agreed(),
              t.disputed(), t.open(), t.rejected(), 100 * t.disputeRate()));
          out.flush();
        }
      }
      return ConvenerCommand.OK;
    }
  }
}
