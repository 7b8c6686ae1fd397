package io.convener.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command line as picocli does ({@link CommandLine.RunLast}), after refusing {@code
 * --format csv} with a usage error for a command that prints no table (it is not {@link
 * Tabular}): its output would otherwise silently be the table format. Asking for help is never
 * refused.
 */
final class FormatCheck implements IExecutionStrategy {
  private final GlobalOptions options;

  FormatCheck(GlobalOptions options) {
    this.options = options;
  }

  @Override
  public int execute(ParseResult parsed) {
    ParseResult last = parsed;
    boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
    while (last.hasSubcommand()) {
      last = last.subcommand();
      help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
    }
    Object command = last.commandSpec().userObject();
    if (options.format == GlobalOptions.Format.csv && !help && !(command instanceof Tabular)
        && !(command instanceof CommandLine.HelpCommand)) {
      throw new ParameterException(last.commandSpec().commandLine(), "Invalid value for option '--format': '"
          + last.commandSpec().qualifiedName() + "' prints no table, so no csv; use table or json");
    }
    return new CommandLine.RunLast().execute(parsed);
  }
}
