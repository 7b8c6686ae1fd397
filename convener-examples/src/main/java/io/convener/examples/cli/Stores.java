package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import io.convener.jdbc.JdbcSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Opens the store the global options name. */
final class Stores {
  private Stores() {}

  /** The running Convener on {@code --db}; a usage error when the URL is not one Convener supports. */
  static Convener open(GlobalOptions options, CommandSpec command) {
    Conveners.Builder builder = Conveners.builder();
    if (options.db != null) {
      JdbcSettings settings;
      try {
        settings = JdbcSettings.of(options.db);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(command.commandLine(), "Invalid value for option '--db': " + e.getMessage());
      }
      builder.database(settings);
    }
    return builder.build();
  }
}
