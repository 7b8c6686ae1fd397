package io.convener.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code convener} command. Exit codes: 0 done; 2 usage error; 3 input partly rejected (the
 * rest taken); 4 verification failed; 1 any other error. Errors go to stderr as one line.
 */
@Command(
    name = "convener",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Measure and grow collective intelligence: ingest collaboration events, ask who the champions are.",
    subcommands = {IngestCommand.class, ConsentCommand.class, ApprovalsCommand.class, FeedbackCommand.class, PulseCommand.class, LearningCommand.class, InnovationCommand.class, ProvenanceCommand.class, ChampionsCommand.class, MetricsCommand.class, GraphCommand.class, ReportCommand.class, CollaboratorsCommand.class, SettingsCommand.class, WatchersCommand.class, ServeCommand.class, DemoCommand.class, RepairCommand.class, BackupCommand.class, RestoreCommand.class, WitnessCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:any other error",
      "2:usage error",
      "3:input partly rejected (the rest taken)",
      "4:verification failed"
    })
public final class ConvenerCommand {
  /** Exit code: done. */
  static final int OK = 0;
  /** Exit code: any other error. */
  static final int ERROR = 1;
  /** Exit code: usage error. */
  static final int USAGE = 2;
  /** Exit code: input partly rejected. */
  static final int PARTLY_REJECTED = 3;
  /** Exit code: verification failed. */
  static final int VERIFICATION_FAILED = 4;

  @Mixin GlobalOptions options = new GlobalOptions();

  /**
   * Runs the command line and exits with its code. What libraries print to the console goes to
   * the log at debug level ({@link LibraryConsole}); the command writes to the real streams.
   */
  public static void main(String[] args) {
    PrintStream[] console = LibraryConsole.install();
    PrintWriter out = new PrintWriter(console[0], true);
    PrintWriter err = new PrintWriter(console[1], true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams and returns the exit code; for tests and hosts.
   * Failures are reported by {@link CliErrors}: one line on {@code err}, the details in the log.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System::getenv);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with {@code env} in place of the process
   * environment (where the database user and password are read from); for tests.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Function<String, @Nullable String> env) {
    ConvenerCommand root = new ConvenerCommand();
    root.options.env = env;
    CommandLine cli = new CommandLine(root);
    withHelp(cli);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    CliErrors errors = new CliErrors();
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    cli.setExecutionStrategy(new FormatCheck(root.options));
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cli.execute(args);
  }

  /**
   * Gives every subcommand, at every depth, {@code -h/--help} and {@code -V/--version}: asking for
   * help exits 0 with the usage, before any required option is checked.
   */
  private static void withHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    for (CommandLine sub : command.getSubcommands().values()) {
      withHelp(sub);
    }
  }
}
