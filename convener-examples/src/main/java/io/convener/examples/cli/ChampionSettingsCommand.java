package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.champion.ChampionDiscovery;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.http.json.SettingsShapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener settings champions [--weight C=W]... [--threshold NAME=VALUE]... [--exclude M]...
 * [--include M]...}: the tenant's champion weights, excluded staff and bot accounts, and
 * thresholds, named as in the {@code /v1/admin/champion-settings} document (docs/champions.md).
 */
@Command(
    name = "champions",
    mixinStandardHelpOptions = true,
    description = {
      "Show the tenant's champion settings, or change some: --weight influence=0.4 --exclude bot-1",
      "--threshold repeatDecay=0.7. Thresholds: championQuantile, connectorBrokerage, connectorGroups,",
      "observerActivity, personaTau, broadcasterPostShare, repeatDecay, structuralRefresh."
    })
final class ChampionSettingsCommand implements Callable<Integer> {
  @ParentCommand SettingsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--weight", paramLabel = "COMPONENT=WEIGHT", description = "A component's weight (repeatable)")
  Map<String, String> weights = new LinkedHashMap<>();

  @Option(names = "--threshold", paramLabel = "NAME=VALUE", description = "A threshold to change (repeatable)")
  Map<String, String> thresholds = new LinkedHashMap<>();

  @Option(names = "--exclude", split = ",", paramLabel = "M", description = "Staff or bot accounts to leave out")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--include", split = ",", paramLabel = "M", description = "Accounts to stop leaving out")
  List<String> include = new ArrayList<>();

  @Override
  public Integer call() {
    GlobalOptions options = parent.root.options;
    Principal operator = GlobalOptions.operator(options.requireTenant(spec));
    List<MemberId> out = members("--exclude", exclude);
    List<MemberId> in = members("--include", include);
    ChampionSettings now;
    try (Convener convener = Stores.open(options, spec)) {
      ChampionDiscovery champions = convener.champions();
      now = champions.settings(operator);
      if (!weights.isEmpty() || !thresholds.isEmpty() || !out.isEmpty() || !in.isEmpty()) {
        Set<MemberId> excluded = new TreeSet<>(now.excluded());
        excluded.addAll(out);
        in.forEach(excluded::remove);
        now = champions.configure(operator, changed(now).withExcluded(excluded));
      }
    }
    SettingsCommand.print(options, spec.commandLine().getOut(), SettingsShapes.json(now));
    return ConvenerCommand.OK;
  }

  private ChampionSettings changed(ChampionSettings current) {
    ChampionSettings s = current;
    ChampionThresholds.Builder t = ChampionThresholds.builder(current.thresholds());
    try {
      for (Map.Entry<String, String> w : weights.entrySet()) {
        String name = w.getKey().strip();
        s = s.withWeight(name, SettingsCommand.number(spec, "--weight", name, w.getValue()));
      }
    } catch (IllegalArgumentException e) {
      throw SettingsCommand.invalid(spec, "--weight", e);
    }
    for (Map.Entry<String, String> e : thresholds.entrySet()) {
      threshold(t, e.getKey().strip(), e.getValue());
    }
    try {
      return s.withThresholds(t.build());
    } catch (IllegalArgumentException e) {
      throw SettingsCommand.invalid(spec, "--threshold", e);
    }
  }

  private void threshold(ChampionThresholds.Builder t, String name, String v) {
    String o = "--threshold";
    switch (name) {
      case "championQuantile" -> t.championQuantile(SettingsCommand.number(spec, o, name, v));
      case "connectorBrokerage" -> t.connectorBrokerage(SettingsCommand.number(spec, o, name, v));
      case "connectorGroups" -> t.connectorGroups(SettingsCommand.whole(spec, o, name, v));
      case "observerActivity" -> t.observerActivity(SettingsCommand.number(spec, o, name, v));
      case "personaTau" -> t.personaTau(SettingsCommand.number(spec, o, name, v));
      case "broadcasterPostShare" -> t.broadcasterPostShare(SettingsCommand.number(spec, o, name, v));
      case "repeatDecay" -> t.repeatDecay(SettingsCommand.number(spec, o, name, v));
      case "structuralRefresh" -> t.structuralRefresh(SettingsCommand.number(spec, o, name, v));
      default -> throw SettingsCommand.unknown(spec, o, name, SettingsShapes.THRESHOLD_FIELDS);
    }
  }

  private List<MemberId> members(String option, List<String> ids) {
    List<MemberId> members = new ArrayList<>();
    for (String id : ids) {
      try {
        members.add(MemberId.of(id.strip()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
      }
    }
    return members;
  }
}
