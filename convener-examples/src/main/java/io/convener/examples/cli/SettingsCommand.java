package io.convener.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener settings (consent-policy|pulse|champions)}: shows a tenant's settings, or
 * changes the ones named and shows them after the change. Each read and each change passes the
 * choke point as the operator (an admin) and leaves one provenance entry. The JSON output is the
 * document of the matching {@code /v1/admin} route.
 */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {
      "Show or change the tenant's consent policy, pulse settings or champion settings.",
      "Without options a subcommand shows the settings; with options it changes them and shows the result."
    },
    subcommands = {ConsentPolicySettings.class, PulseSettingsCommand.class, ChampionSettingsCommand.class})
final class SettingsCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: consent-policy, pulse or champions");
  }

  /** Prints a settings document: the JSON document, or one line per value (nested ones indented). */
  static void print(GlobalOptions options, PrintWriter out, Map<String, Object> doc) {
    if (options.json()) {
      Json.print(out, doc);
      return;
    }
    print(out, doc, "");
    out.flush();
  }

  private static void print(PrintWriter out, Map<?, ?> doc, String indent) {
    for (Map.Entry<?, ?> e : doc.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> nested) {
        out.printf("%s%s:%n", indent, e.getKey());
        print(out, nested, indent + "  ");
      } else if (e.getValue() instanceof List<?> list) {
        out.printf("%s%-22s %s%n", indent, e.getKey(), list.isEmpty() ? "(none)" : String.join(", ",
            list.stream().map(String::valueOf).toList()));
      } else {
        out.printf("%s%-22s %s%n", indent, e.getKey(), format(e.getValue()));
      }
    }
  }

  private static String format(Object value) {
    return value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(value);
  }

  /** A {@code NAME=VALUE} number: finite, or a usage error naming the option. */
  static double number(CommandSpec spec, String option, String name, String value) {
    try {
      double v = Double.parseDouble(value.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': " + name + " must be a number, got '" + value + "'");
  }

  /** A {@code NAME=VALUE} whole number, or a usage error naming the option. */
  static int whole(CommandSpec spec, String option, String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + name + " must be a whole number, got '" + value + "'");
    }
  }

  /** A usage error for an unknown setting name. */
  static ParameterException unknown(CommandSpec spec, String option, String name, List<String> names) {
    return new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': unknown setting '" + name + "'; expected one of " + names);
  }

  /** A usage error for settings the service refuses (a value out of range). */
  static ParameterException invalid(CommandSpec spec, String option, IllegalArgumentException e) {
    return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
  }
}
