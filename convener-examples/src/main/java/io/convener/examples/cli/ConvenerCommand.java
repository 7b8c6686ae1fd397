package io.convener.examples.cli;

import io.convener.api.ConvenerException;
import io.convener.api.IntegrityException;
import io.convener.api.InvalidInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
    subcommands = {IngestCommand.class, ConsentCommand.class, ApprovalsCommand.class, PulseCommand.class, LearningCommand.class, InnovationCommand.class, ProvenanceCommand.class, ChampionsCommand.class, MetricsCommand.class, CollaboratorsCommand.class, ServeCommand.class, DemoCommand.class, RepairCommand.class, CommandLine.HelpCommand.class},
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

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; for tests and hosts. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ConvenerCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("convener: " + oneLine(e));
      return exitCode(e);
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("convener: " + e.getMessage());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return USAGE;
    });
    return cli.execute(args);
  }

  private static int exitCode(Exception e) {
    if (e instanceof InvalidInputException) {
      return USAGE;
    }
    if (e instanceof IntegrityException) {
      return VERIFICATION_FAILED;
    }
    return ERROR;
  }

  private static String oneLine(Exception e) {
    String message;
    if (e instanceof ConvenerException c) {
      message = c.getMessage();
    } else if (e instanceof UncheckedIOException io) {
      message = io.getMessage() + ": " + io.getCause().getMessage();
    } else {
      message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof ConvenerException && root != e && root.getMessage() != null) {
      message += " (" + root.getMessage().lines().findFirst().orElse("") + ")";
    }
    return message.replace('\n', ' ');
  }
}
