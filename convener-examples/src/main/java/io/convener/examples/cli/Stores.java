package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
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

  /** The running Convener on {@code --db}; a usage error when the URL is not one Convener supports. */
  static Convener open(GlobalOptions options, CommandSpec command) {
    Conveners.Builder builder = Conveners.builder();
    if (options.db != null) {
      builder.database(settings(options.db, "--db", options, command));
    }
    return builder.build();
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
