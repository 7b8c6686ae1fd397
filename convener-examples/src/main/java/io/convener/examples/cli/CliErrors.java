package io.convener.examples.cli;

import io.convener.api.ConvenerException;
import io.convener.api.IntegrityException;
import io.convener.api.InvalidInputException;
import io.convener.api.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports a failure: one line on stderr, starting with {@code convener:},
 * that says what went wrong and, where it can, what to do; the exception itself goes to the log at
 * debug level, never to the user. The exit code follows docs/cli.md: 2 for a usage error (a bad
 * option or argument, including a value the API refuses with {@link IllegalArgumentException} or
 * {@link InvalidInputException}, for every value the command passes comes from its command line),
 * 4 when verification failed ({@link IntegrityException}), 1 for anything else.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(CliErrors.class);
  /** Exception class names, qualified or not, with the colon that follows them. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
  static final String DEBUG_HINT =
      "details: CONVENER_JAVA_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=debug";
  private static final String STORAGE_HINT =
      "check that --db names a database you can reach and write to (" + DEBUG_HINT + ")";

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    log.debug("usage error in '{}'", command.getCommandSpec().qualifiedName(), e);
    print(command.getErr(), e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
    return ConvenerCommand.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    log.debug("'{}' failed", command.getCommandSpec().qualifiedName(), e);
    print(command.getErr(), describe(e));
    return exitCode(e);
  }

  static int exitCode(Exception e) {
    if (e instanceof InvalidInputException || e instanceof IllegalArgumentException) {
      return ConvenerCommand.USAGE;
    }
    if (e instanceof IntegrityException) {
      return ConvenerCommand.VERIFICATION_FAILED;
    }
    return ConvenerCommand.ERROR;
  }

  /** The one line for a failure, without the prefix. */
  static String describe(Exception e) {
    if (e instanceof StorageException s) {
      return withRoot(s.getMessage(), s) + "; " + STORAGE_HINT;
    }
    if (e instanceof ConvenerException c) {
      return withRoot(c.getMessage(), c);
    }
    if (e instanceof IllegalArgumentException) {
      return firstLine(e.getMessage(), "an argument was refused");
    }
    if (e instanceof UncheckedIOException io) {
      return firstLine(io.getMessage(), "input or output failed") + ": " + io(io.getCause());
    }
    if (e instanceof IOException io) {
      return io(io);
    }
    return "failed unexpectedly: " + firstLine(e.getMessage(), "no reason given") + " (" + DEBUG_HINT + ")";
  }

  /**
   * A message followed by its root cause's, in brackets, unless it holds it already; when it ends
   * with the cause's bare message (often only a file name), that is replaced by the cause in words.
   */
  private static String withRoot(@Nullable String message, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = firstLine(message, "failed");
    if (root == e) {
      return text;
    }
    String raw = firstLine(root.getMessage(), "");
    String cause = root instanceof IOException io ? io(io) : raw;
    if (!raw.isEmpty() && text.endsWith(raw)) {
      return text.substring(0, text.length() - raw.length()) + cause;
    }
    return cause.isEmpty() || text.contains(cause) ? text : text + " (" + cause + ")";
  }

  /** An input or output failure in words: the file and what is wrong with it. */
  static String io(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String what = e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NotDirectoryException ? "not a directory"
          : firstLine(f.getReason(), "cannot be used");
      return f.getFile() + ": " + what;
    }
    return firstLine(e.getMessage(), "input or output failed");
  }

  private static String firstLine(@Nullable String text, String otherwise) {
    String line = text == null ? "" : text.lines().findFirst().orElse("").strip();
    return line.isEmpty() ? otherwise : line;
  }

  /** Prints {@code convener: <what>} as one line with no exception class names in it. */
  static void print(PrintWriter err, String what) {
    String line = CLASS_NAME.matcher(what.replaceAll("\\s*[\\r\\n]+\\s*", " ")).replaceAll("");
    err.println("convener: " + line.strip());
    err.flush();
  }
}
