package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.pulse.PulseSettings;
import io.convener.http.json.SettingsShapes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener settings pulse [--set NAME=VALUE]...}: the tenant's pulse thresholds, named as
 * in the {@code /v1/admin/pulse-settings} document (docs/pulse.md explains each).
 */
@Command(
    name = "pulse",
    mixinStandardHelpOptions = true,
    description = {
      "Show the tenant's pulse thresholds, or change some: --set minGroupSize=7 --set engagementDrop=0.25.",
      "Names: minGroupSize, engagementDrop, silentAfterEvents, unansweredBelow, minMessages,",
      "inclusionGini, negativeSentiment, minScoredEvents, lowPsychSafety."
    })
final class PulseSettingsCommand implements Callable<Integer> {
  private static final String OPTION = "--set";

  @ParentCommand SettingsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = OPTION, paramLabel = "NAME=VALUE", description = "A threshold to change (repeatable)")
  Map<String, String> set = new LinkedHashMap<>();

  @Override
  public Integer call() {
    GlobalOptions options = parent.root.options;
    Principal operator = GlobalOptions.operator(options.requireTenant(spec));
    PulseSettings now;
    try (Convener convener = Stores.open(options, spec)) {
      PulseAggregator pulse = convener.pulse();
      now = pulse.settings(operator);
      if (!set.isEmpty()) {
        now = pulse.configure(operator, changed(now));
      }
    }
    SettingsCommand.print(options, spec.commandLine().getOut(), SettingsShapes.json(now));
    return ConvenerCommand.OK;
  }

  private PulseSettings changed(PulseSettings current) {
    PulseSettings.Builder b = current.toBuilder();
    for (Map.Entry<String, String> e : set.entrySet()) {
      String name = e.getKey().strip();
      String v = e.getValue();
      switch (name) {
        case "minGroupSize" -> b.minGroupSize(SettingsCommand.whole(spec, OPTION, name, v));
        case "engagementDrop" -> b.engagementDrop(SettingsCommand.number(spec, OPTION, name, v));
        case "silentAfterEvents" -> b.silentAfterEvents(SettingsCommand.whole(spec, OPTION, name, v));
        case "unansweredBelow" -> b.unansweredBelow(SettingsCommand.number(spec, OPTION, name, v));
        case "minMessages" -> b.minMessages(SettingsCommand.whole(spec, OPTION, name, v));
        case "inclusionGini" -> b.inclusionGini(SettingsCommand.number(spec, OPTION, name, v));
        case "negativeSentiment" -> b.negativeSentiment(SettingsCommand.number(spec, OPTION, name, v));
        case "minScoredEvents" -> b.minScoredEvents(SettingsCommand.whole(spec, OPTION, name, v));
        case "lowPsychSafety" -> b.lowPsychSafety(SettingsCommand.number(spec, OPTION, name, v));
        default -> throw SettingsCommand.unknown(spec, OPTION, name, SettingsShapes.PULSE_FIELDS);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw SettingsCommand.invalid(spec, OPTION, e);
    }
  }
}
