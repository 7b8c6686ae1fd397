package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.http.json.SettingsShapes;
import java.util.ArrayList;
import java.util.List;
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
 * {@code convener settings consent-policy [--enable P,...] [--disable P,...]}: the purposes the
 * tenant enables. A purpose the policy does not enable is denied for every member, whatever their
 * own records say; {@code notification.direct}, for example, must be enabled before anyone is
 * notified directly.
 */
@Command(
    name = "consent-policy",
    mixinStandardHelpOptions = true,
    description = {
      "Show the purposes the tenant enables, or enable and disable some.",
      "Members still decide for themselves: an enabled purpose names only members who consent to it."
    })
final class ConsentPolicySettings implements Callable<Integer> {
  @ParentCommand SettingsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--enable", split = ",", paramLabel = "PURPOSE", description = "Purposes to enable, e.g. notification.direct")
  List<String> enable = new ArrayList<>();

  @Option(names = "--disable", split = ",", paramLabel = "PURPOSE", description = "Purposes to disable")
  List<String> disable = new ArrayList<>();

  @Override
  public Integer call() {
    GlobalOptions options = parent.root.options;
    Principal operator = GlobalOptions.operator(options.requireTenant(spec));
    List<Purpose> on = purposes("--enable", enable);
    List<Purpose> off = purposes("--disable", disable);
    if (on.stream().anyMatch(off::contains)) {
      throw new ParameterException(spec.commandLine(), "A purpose cannot be both enabled and disabled");
    }
    ConsentPolicy policy;
    try (Convener convener = Stores.open(options, spec)) {
      ConsentGate consent = convener.consent();
      policy = consent.policy(operator);
      if (!on.isEmpty() || !off.isEmpty()) {
        Set<Purpose> enabled = new TreeSet<>(policy.enabled());
        enabled.addAll(on);
        off.forEach(enabled::remove);
        policy = consent.setPolicy(operator, new ConsentPolicy(enabled));
      }
    }
    SettingsCommand.print(options, spec.commandLine().getOut(), SettingsShapes.json(policy));
    return ConvenerCommand.OK;
  }

  private List<Purpose> purposes(String option, List<String> names) {
    List<Purpose> out = new ArrayList<>();
    for (String name : names) {
      try {
        out.add(Purpose.of(name.strip()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
      }
    }
    return out;
  }
}
