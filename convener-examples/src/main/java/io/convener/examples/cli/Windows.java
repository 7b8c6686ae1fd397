package io.convener.examples.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --window} option: a whole number of hours, days or weeks, such as {@code 90d}. */
final class Windows {
  private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,5})([hdw])");

  private Windows() {}

  /** The window's length, or a usage error naming the option. */
  static Duration parse(CommandSpec spec, String value) {
    Matcher m = WINDOW.matcher(value);
    if (!m.matches()) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--window': expected a number and h, d or w, such as 90d: '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(n);
    };
  }

  /** A number for JSON: NaN and infinities become null. */
  static @Nullable Double number(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
