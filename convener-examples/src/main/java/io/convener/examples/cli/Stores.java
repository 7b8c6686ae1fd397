package io.convener.examples.cli;

import com.google.inject.Module;
import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Opens the store the global options name. A PostgreSQL user and password come from the URL or
 * from the environment variables {@value #DB_USER} and {@value #DB_PASSWORD}, so that they need
 * not be on the command line; no message of the command ever shows them (a URL is shown without
 * its parameters, see {@link JdbcSettings#describe()}).
 */
final class Stores {
  /** The environment variable with the database user, for PostgreSQL. */
  static final String DB_USER = "CONVENER_DB_USER";
  /** The environment variable with the database password, for PostgreSQL. */
  static final String DB_PASSWORD = "CONVENER_DB_PASSWORD";

  private Stores() {}

  /**
   * The running Convener on {@code --db}, or on the regions of {@code --region-db} with the
   * assignments of {@code --tenant-region}; a usage error when a URL is not one Convener supports
   * or an option is malformed.
   */
  static Convener open(GlobalOptions options, CommandSpec command) {
    return open(options, command, null);
  }

  /** As {@link #open(GlobalOptions, CommandSpec)}, with these settings unless null. */
  static Convener open(GlobalOptions options, CommandSpec command, @Nullable ConvenerSettings settings) {
    return open(options, command, settings, List.of());
  }

  /** As {@link #open(GlobalOptions, CommandSpec, ConvenerSettings)}, with extra Guice modules installed beside the defaults. */
  static Convener open(GlobalOptions options, CommandSpec command, @Nullable ConvenerSettings settings,
      List<Module> modules) {
    Conveners.Builder builder = Conveners.builder();
    if (settings != null) {
      builder.settings(settings);
    }
    modules.forEach(builder::module);
    if (!options.regionDbs.isEmpty() && options.db != null) {
      throw new ParameterException(command.commandLine(), "give --db or --region-db, not both");
    }
    try {
      if (options.db != null) {
        builder.database(settings(options.db, "--db", options, command));
      }
      for (String region : options.regionDbs) {
        String[] pair = pair(region, "--region-db", "REGION=JDBC_URL", command);
        if (!pair[0].matches("[a-z0-9][a-z0-9_-]{0,63}")) {
          throw new ParameterException(command.commandLine(), "Invalid value for option '--region-db': the region"
              + " name before '=' must be 1 to 64 lowercase letters, digits, - or _");
        }
        builder.region(pair[0], settings(pair[1], "--region-db", options, command));
      }
      for (String assignment : options.tenantRegions) {
        String[] pair = pair(assignment, "--tenant-region", "TENANT=REGION", command);
        builder.tenantRegion(TenantId.of(pair[0]), pair[1]);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    if (options.regionDbs.isEmpty() && !options.tenantRegions.isEmpty()) {
      throw new ParameterException(command.commandLine(), "--tenant-region needs the regions: give --region-db REGION=JDBC_URL");
    }
    return builder.build();
  }

  /** The two sides of {@code NAME=VALUE}; the usage error never repeats the value (it may hold a password). */
  private static String[] pair(String given, String option, String label, CommandSpec command) {
    int equals = given.indexOf('=');
    if (equals <= 0 || equals == given.length() - 1) {
      throw new ParameterException(command.commandLine(), "Invalid value for option '" + option + "': expected " + label);
    }
    return new String[] {given.substring(0, equals), given.substring(equals + 1)};
  }

  /**
   * The settings for a URL given with {@code option}: on PostgreSQL with the user and password of
   * the environment (a user or password in the URL takes precedence, as the driver reads them
   * last); a usage error that never repeats the URL when it is not supported.
   */
  static JdbcSettings settings(String url, String option, GlobalOptions options, CommandSpec command) {
    JdbcSettings plain;
    try {
      plain = JdbcSettings.of(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
    }
    if (plain.dialect() != Dialect.POSTGRESQL) {
      return plain;
    }
    return new JdbcSettings(url, orEmpty(options.env.apply(DB_USER)),
        Optional.of(orEmpty(options.env.apply(DB_PASSWORD))).filter(p -> !p.isEmpty()));
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
