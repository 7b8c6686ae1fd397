package io.convener.examples.cli;

import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The rate-limit options of {@code serve}: where the buckets live, the quotas of APIs, and the
 * subjects of trusted bulk work that no quota meters (see {@link RateLimits}).
 */
final class QuotaOptions {
  private static final Pattern QUOTA = Pattern.compile("([a-z*][a-z._*-]{0,63})=([1-9][0-9]{0,8})/([1-9][0-9]{0,5})([smhd])");

  @Option(names = "--shared-quotas", description = "Keep the rate-limit buckets in the database, shared by every node"
      + " on it, so that a tenant's quota holds across nodes (give it to every node)")
  boolean shared;

  @Option(names = "--quota", paramLabel = "API=CALLS/PERIOD", description = "Quota of an API or family of APIs for"
      + " every tenant, such as provenance.query=120/1m or pulse=600/1h (repeatable; default: "
      + RateLimits.DEFAULT_CALLS + "/1m for each API)")
  List<String> quotas = new ArrayList<>();

  @Option(names = "--unmetered-subject", paramLabel = "SUBJECT", description = "A token subject whose calls no quota"
      + " counts, for the host's own bulk work such as a consent sync (repeatable; still gated and logged)")
  List<String> unmetered = new ArrayList<>();

  /** The settings these options ask for, or null when they ask for none. */
  @Nullable ConvenerSettings settings(CommandSpec spec) {
    if (!shared && quotas.isEmpty() && unmetered.isEmpty()) {
      return null;
    }
    RateLimits limits = RateLimits.defaults();
    for (String q : quotas) {
      Matcher m = QUOTA.matcher(q);
      if (!m.matches()) {
        throw new ParameterException(spec.commandLine(), "Invalid value for option '--quota': expected"
            + " API=CALLS/PERIOD such as provenance.query=120/1m (period in s, m, h or d), got '" + q + "'");
      }
      limits = limits.with(m.group(1), new RateLimits.Quota(Long.parseLong(m.group(2)), period(m.group(3), m.group(4))));
    }
    for (String subject : unmetered) {
      limits = limits.withUnmeteredSubject(subject);
    }
    if (shared) {
      limits = limits.withSharedStore();
    }
    return ConvenerSettings.defaults().withRateLimits(limits);
  }

  private static Duration period(String amount, String unit) {
    long n = Long.parseLong(amount);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
