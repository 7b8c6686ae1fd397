package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.NotFoundException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.learning.LearningPlan;
import io.convener.api.learning.PlanRequest;
import io.convener.api.learning.Recommendation;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.LearningPlanShapes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options and the run of {@code convener learning plan --member M | --team T [--plan-tags a,b]
 * [--limit N] [--window 90d] [--notify]}: the learning plan of a member or a team as of {@code
 * --as-of}. A member who does not consent to {@code learning.attribution} gets no plan (exit 1);
 * an unknown member or team is a usage error naming the option (exit 2). With {@code --notify} the
 * plan is queued in the outbox as a {@code learning.plan} notification. A mixin of {@link
 * LearningCommand}.
 */
final class LearningPlanOptions {
  @Option(names = "--member", paramLabel = "M", description = "plan: the member the plan is for")
  @Nullable String member;

  @Option(names = "--team", paramLabel = "T", description = "plan: the team the plan is for")
  @Nullable String team;

  @Option(names = "--plan-tags", paramLabel = "TAGS", split = ",", description = "plan: tags of planned work, comma-separated")
  List<String> planTags = List.of();

  @Option(names = "--limit", paramLabel = "N",
      description = "plan: how many artifacts, 1 to " + PlanRequest.MAX_LIMIT + " (default: " + PlanRequest.DEFAULT_LIMIT + ")")
  int limit = PlanRequest.DEFAULT_LIMIT;

  @Option(names = "--window", paramLabel = "DURATION", description = "plan: recent work read before --as-of (default: 90d)")
  String window = "90d";

  @Option(names = "--notify", description = "plan: send the plan as a learning.plan notification")
  boolean notify;

  /** Whether any plan option was given (they mean nothing to {@code attribute}). */
  boolean given() {
    return member != null || team != null || !planTags.isEmpty() || notify || limit != PlanRequest.DEFAULT_LIMIT
        || !"90d".equals(window);
  }

  int run(ConvenerCommand root, CommandSpec spec) {
    TenantId tenant = root.options.requireTenant(spec);
    PlanRequest request = request(spec, root.options.asOf(spec));
    LearningPlan plan;
    try (Convener convener = Stores.open(root.options, spec)) {
      plan = convener.learning().plan(GlobalOptions.operator(tenant), request);
    } catch (NotFoundException e) {
      throw asOption(e);
    }
    print(root.options, spec.commandLine().getOut(), plan);
    return ConvenerCommand.OK;
  }

  /** The service's error on field {@code member} or {@code team}, naming the option instead, as KnownScopes does. */
  private static NotFoundException asOption(NotFoundException e) {
    String field = e.field().orElse("");
    String message = String.valueOf(e.getMessage());
    String reason = message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    return new NotFoundException("--" + field, reason);
  }

  private PlanRequest request(CommandSpec spec, java.time.Instant asOf) {
    if ((member == null) == (team == null)) {
      throw new ParameterException(spec.commandLine(), "learning plan needs exactly one of '--member' or '--team'");
    }
    PlanRequest r;
    try {
      r = member != null ? PlanRequest.forMember(MemberId.of(member), asOf) : PlanRequest.forTeam(TeamId.of(team), asOf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + (member != null ? "--member" : "--team") + "': " + e.getMessage());
    }
    try {
      r = r.withPlanTags(planTags).withLimit(limit).withWindow(Windows.parse(spec, window));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid plan option: " + e.getMessage());
    }
    return notify ? r.notifying() : r;
  }

  private static void print(GlobalOptions options, PrintWriter out, LearningPlan plan) {
    if (options.json()) {
      Json.print(out, LearningPlanShapes.json(plan));
      return;
    }
    if (options.csv()) {
      Table t = new Table(Column.number("rank", 0), Column.text("artifact"), Column.number("score", 4),
          Column.text("matchedTags"), Column.text("plannedTags"), Column.number("appliedBy", 0),
          Column.number("outcomes", 0), Column.text("reason"));
      int rank = 1;
      for (Recommendation r : plan.recommendations()) {
        t.row(rank++, r.artifact().value(), r.score(), String.join(" ", r.matchedTags()),
            String.join(" ", r.plannedTags()), r.appliedBy(), r.outcomes(), r.reason());
      }
      t.print(out, options.format);
      return;
    }
    out.printf("learning plan for %s as of %s (provenance %d)%n", plan.subject(), plan.asOf(), plan.provenanceId());
    out.printf("recent work: %s%n", plan.workTags().isEmpty() ? "none in the window" : String.join(", ", plan.workTags()));
    if (plan.recommendations().isEmpty()) {
      out.println("nothing to recommend: no unapplied artifact matches the work");
    }
    int rank = 1;
    for (Recommendation r : plan.recommendations()) {
      out.printf(Locale.ROOT, "%2d. %-16s %6.3f  %s%n", rank++, r.artifact().value(), r.score(), r.reason());
    }
    if (plan.notified() > 0) {
      out.printf("queued as a learning.plan notification to %d member(s)%n", plan.notified());
    }
    out.flush();
  }
}
