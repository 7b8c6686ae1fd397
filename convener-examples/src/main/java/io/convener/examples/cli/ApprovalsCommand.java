package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.consent.Purpose;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.TrustShapes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * {@code convener approvals (request|decide|list)}: the approval workflow from the console. The
 * commands act as the operator principal (subject {@code cli}, role ADMIN), or with {@code --as
 * MEMBER_ID} as that member (role MEMBER), so the subject can decide from the command line. Each
 * run adds its own entry to the provenance log. {@code --format json} prints {@code
 * {"approvals":[…]}}.
 */
@Command(
    name = "approvals",
    description = "Request, decide and list approvals to use a member's data for a purpose.",
    subcommands = {ApprovalsCommand.Request.class, ApprovalsCommand.Decide.class, ApprovalsCommand.ListCommand.class})
final class ApprovalsCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: request, decide or list");
  }

  /** The principal: the operator, or {@code --as} member. */
  private static Principal principal(CommandSpec command, TenantId tenant, @Nullable String as) {
    if (as == null) {
      return GlobalOptions.operator(tenant);
    }
    try {
      return Principal.of(tenant, MemberId.of(as).value(), Role.MEMBER);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "Invalid value for option '--as': " + e.getMessage());
    }
  }

  /** Prints the approvals as JSON or as a table. */
  private static void print(GlobalOptions options, PrintWriter out, List<Approval> approvals) {
    if (options.json()) {
      List<Map<String, Object>> docs = new ArrayList<>();
      approvals.forEach(a -> docs.add(TrustShapes.json(a)));
      Json.print(out, Map.of("approvals", docs));
      return;
    }
    Table t = new Table(Column.text("id"), Column.text("status"), Column.text("purpose"), Column.text("subject"),
        Column.text("requester"), Column.text("expires"), Column.text("scope"));
    for (Approval a : approvals) {
      t.row(a.id().value(), lower(a.status()), a.purpose().name(), a.subject().value(), a.requester(),
          a.expires().toString(), a.scope());
    }
    t.print(out, options.format);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** {@code approvals request}. */
  @Command(name = "request", description = "Ask the subject (and admins, where the policy says) to approve.")
  static final class Request implements Callable<Integer>, Tabular {
    @ParentCommand ApprovalsCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--subject", required = true, paramLabel = "M", description = "Member whose data is asked for")
    String subject = "";

    @Option(names = "--purpose", required = true, paramLabel = "P", description = "Purpose, such as profile.share")
    String purpose = "";

    @Option(names = "--scope", required = true, paramLabel = "TEXT", description = "What exactly is asked for")
    String scope = "";

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      MemberId member;
      Purpose p;
      try {
        member = MemberId.of(subject);
        p = Purpose.of(purpose);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (scope.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--scope must not be blank");
      }
      try (Convener convener = Stores.open(options, spec)) {
        Approval a = convener.approvals().request(GlobalOptions.operator(tenant), member, p, scope);
        print(options, spec.commandLine().getOut(), List.of(a));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code approvals decide}. */
  @Command(name = "decide", description = "Approve or deny an approval, as the operator (admin) or --as the subject.")
  static final class Decide implements Callable<Integer>, Tabular {
    @ParentCommand ApprovalsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The approval id")
    String id = "";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision = new Decision();

    /** Exactly one of --approve and --deny. */
    static final class Decision {
      @Option(names = "--approve", required = true, description = "Approve") boolean approve;
      @Option(names = "--deny", required = true, description = "Deny") boolean deny;
    }

    @Option(names = "--reason", paramLabel = "R", description = "Why, for people")
    String reason = "";

    @Option(names = "--as", paramLabel = "MEMBER_ID", description = "Act as this member (role MEMBER)")
    @Nullable String as;

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      ApprovalId approval;
      try {
        approval = ApprovalId.of(id);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Principal principal = principal(spec, tenant, as);
      try (Convener convener = Stores.open(options, spec)) {
        Approval a = convener.approvals().decide(principal, approval, decision.approve, reason);
        print(options, spec.commandLine().getOut(), List.of(a));
      }
      return ConvenerCommand.OK;
    }
  }

  /** {@code approvals list}. */
  @Command(name = "list", description = "List the approvals you may see, newest first.")
  static final class ListCommand implements Callable<Integer>, Tabular {
    @ParentCommand ApprovalsCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only this status: ${COMPLETION-CANDIDATES}")
    @Nullable ApprovalStatus status;

    @Option(names = "--as", paramLabel = "MEMBER_ID", description = "Act as this member (role MEMBER)")
    @Nullable String as;

    @Override
    public Integer call() {
      GlobalOptions options = parent.root.options;
      TenantId tenant = options.requireTenant(spec);
      Principal principal = principal(spec, tenant, as);
      try (Convener convener = Stores.open(options, spec)) {
        print(options, spec.commandLine().getOut(),
            convener.approvals().list(principal, Optional.ofNullable(status)));
      }
      return ConvenerCommand.OK;
    }
  }
}
