package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.AttributionModel;
import io.convener.api.learning.AttributionRequest;
import io.convener.api.learning.Contribution;
import io.convener.api.learning.Evidence;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.LearningShapes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener learning attribute [--outcome ID]}: who originated what led to each outcome;
 * {@code convener learning plan --member M | --team T}: a learning plan ({@link LearningPlanOptions}).
 * Without {@code --outcome}, every outcome before {@code --as-of}. Contributors without consent for
 * {@code learning.attribution} are counted as withheld, never named. One provenance entry per call.
 */
@Command(
    name = "learning",
    description = {
      "Attribute outcomes to the people whose learning artifacts led to them.",
      "attribute: every outcome before --as-of, or one with --outcome; --model picks the split",
      "(last-touch, linear, time-decay, position-based, shapley; default shapley).",
      "plan: artifacts matching the recent (and planned) work of --member or --team, not yet applied."
    })
final class LearningCommand implements Callable<Integer>, Tabular {
  /** What to do: attribute outcomes, or make a learning plan ({@link LearningPlanOptions}). */
  enum Action { attribute, plan }

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([dhm])");

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "attribute|plan", description = "What to do")
  Action action;

  @Option(names = "--outcome", paramLabel = "ID", description = "Attribute this outcome event only")
  @Nullable String outcome;

  @Option(names = "--model", paramLabel = "NAME", description = "Attribution model (default: ${DEFAULT-VALUE})")
  String model = AttributionModel.defaultModel().wireName();

  @Option(names = "--half-life", paramLabel = "DURATION",
      description = "Half-life of the time-decay model, e.g. 7d, 36h or P7D (default: 7d)")
  @Nullable String halfLife;

  @Mixin LearningPlanOptions plan = new LearningPlanOptions();

  @Override
  public Integer call() {
    if (action == Action.plan) {
      if (outcome != null || halfLife != null || !model.equals(AttributionModel.defaultModel().wireName())) {
        throw new ParameterException(spec.commandLine(), "'--outcome', '--model' and '--half-life' are for 'attribute'");
      }
      return plan.run(root, spec);
    }
    if (plan.given()) {
      throw new ParameterException(spec.commandLine(), "the options of 'plan' are not for 'attribute'");
    }
    TenantId tenant = root.options.requireTenant(spec);
    AttributionRequest request = request();
    List<Attribution> attributions;
    try (Convener convener = Stores.open(root.options, spec)) {
      attributions = convener.learning().attribute(GlobalOptions.operator(tenant), request);
    }
    print(spec.commandLine().getOut(), attributions);
    return ConvenerCommand.OK;
  }

  private AttributionRequest request() {
    AttributionRequest request;
    if (outcome != null) {
      try {
        request = AttributionRequest.outcome(EventId.of(outcome));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "Invalid value for option '--outcome': " + e.getMessage());
      }
    } else {
      request = AttributionRequest.all().until(root.options.asOf(spec));
    }
    return request.withModel(model());
  }

  private AttributionModel model() {
    AttributionModel m;
    try {
      m = AttributionModel.of(model);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--model': " + e.getMessage());
    }
    if (halfLife == null) {
      return m;
    }
    if (!(m instanceof AttributionModel.TimeDecay)) {
      throw new ParameterException(spec.commandLine(), "Option '--half-life' needs '--model time-decay'");
    }
    try {
      return new AttributionModel.TimeDecay(duration(halfLife));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--half-life': not a positive duration such as 7d, 36h or P7D: '" + halfLife + "'");
    }
  }

  private static Duration duration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofMinutes(n);
      };
    }
    return Duration.parse(text.trim());
  }

  /** One row per outcome and named contributor, with the first piece of evidence. */
  private static Table csv(List<Attribution> attributions) {
    Table t = new Table(Column.text("outcome"), Column.text("model"), Column.text("member"), Column.number("share", 4),
        Column.text("rule"), Column.text("evidence"), Column.number("provenanceId", 0));
    for (Attribution a : attributions) {
      for (Contribution c : a.contributors()) {
        Evidence top = c.evidence().isEmpty() ? null : c.evidence().get(0);
        t.row(a.outcome().value(), a.model().wireName(), c.member().value().value(), c.share(),
            top == null ? null : top.rule().wireName(), top == null ? null : top.detail(), a.provenanceId());
      }
    }
    return t;
  }

  private void print(PrintWriter out, List<Attribution> attributions) {
    if (root.options.json()) {
      Json.print(out, Map.of("attributions", attributions.stream().map(LearningShapes::json).toList()));
      return;
    }
    if (root.options.csv()) {
      csv(attributions).print(out, root.options.format);
      return;
    }
    if (attributions.isEmpty()) {
      out.println("no outcomes");
    }
    for (Attribution a : attributions) {
      out.printf("outcome %s  (%s, provenance %d)%n", a.outcome().value(), a.model().wireName(), a.provenanceId());
      if (!a.attributed()) {
        out.println("  nothing found in its lineage");
      }
      for (Contribution c : a.contributors()) {
        Evidence top = c.evidence().isEmpty() ? null : c.evidence().get(0);
        out.printf(Locale.ROOT, "  %5.1f%%  %-16s %s%n", 100 * c.share(), c.member().value().value(),
            top == null ? "" : top.rule().wireName() + ": " + top.detail());
      }
      if (a.withheld() > 0) {
        out.printf(Locale.ROOT, "  %5.1f%%  %d contributor(s) withheld: no consent for learning.attribution%n",
            100 * a.withheldShare(), a.withheld());
      }
    }
  }

}
