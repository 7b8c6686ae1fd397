package io.convener.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.StorageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures as a user meets them: the exit code docs/cli.md gives and one plain line on stderr. */
class CliErrorsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("db");
  }

  /** One line, the prefix, the words a user needs, and nothing of the code behind it. */
  private static void assertOneClearLine(String stderr, String... mentions) {
    assertThat(stderr.lines()).as(stderr).hasSize(1);
    assertThat(stderr).startsWith("convener: ").contains(mentions)
        .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b").doesNotContain("\tat ");
  }

  @Test
  void aGrantThatExpiresInThePastIsAUsageErrorNamingExpires() {
    int code = run("--db", db(), "--tenant", "acme", "consent", "grant", "--member", "ana",
        "--purpose", "champion.recommendation", "--expires", "1900-01-01T00:00:00Z");

    assertThat(code).isEqualTo(2);
    assertOneClearLine(err.toString(), "--expires", "1900-01-01T00:00:00Z", "convener consent --help");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "binary      | not UTF-8 text",
    "directory   | is a directory",
    "broken.json | its JSON does not parse",
    "other.json  | no \"checkpoint\" text",
    "note.txt    | must have 6 lines"
  })
  void aFileThatIsNotACheckpointIsAUsageErrorNamingAgainst(String name, String reason) throws Exception {
    Path file = dir.resolve(name);
    switch (name) {
      case "binary" -> Files.write(file, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x7F});
      case "directory" -> Files.createDirectory(file);
      case "broken.json" -> Files.writeString(file, "{\"checkpoint\": 3");
      case "other.json" -> Files.writeString(file, "{\"verified\": true}");
      default -> Files.writeString(file, "a note\n");
    }

    int code = run("--db", db(), "--tenant", "acme", "provenance", "--verify", "--against", file.toString());

    assertThat(code).isEqualTo(2);
    assertOneClearLine(err.toString(), "--against", name, reason);
  }

  @Test
  void aDirectoryGivenToIngestIsAUsageError() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("events.jsonl"));

    int code = run("--db", db(), "--tenant", "acme", "ingest", folder.toString());

    assertThat(code).isEqualTo(2);
    assertOneClearLine(err.toString(), "events.jsonl", "is a directory");
  }

  @Test
  void aBadOptionIsOneLineThatPointsToHelp() {
    assertThat(run("--tenant", "acme", "metrics", "--bogus")).isEqualTo(2);
    assertOneClearLine(err.toString(), "--bogus", "convener metrics --help");
  }

  @Test
  void anUnexpectedFailureIsOneLineWithoutItsClassNameAndSaysWhereTheDetailsAre() {
    StringWriter line = new StringWriter();
    PrintWriter to = new PrintWriter(line);

    CliErrors.print(to, CliErrors.describe(new IllegalStateException("the pool is closed")));
    CliErrors.print(to, CliErrors.describe(new StorageException("could not open the H2 database jdbc:h2:file:x",
        new SQLException("Log file error, cause: \"java.nio.file.AccessDeniedException: x.trace.db\""))));

    List<String> lines = line.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertOneClearLine(lines.get(0) + "\n", "failed unexpectedly: the pool is closed", "defaultLogLevel=debug");
    assertOneClearLine(lines.get(1) + "\n", "jdbc:h2:file:x", "x.trace.db", "check that --db");
    assertThat(CliErrors.exitCode(new IllegalStateException("x"))).isEqualTo(1);
    assertThat(CliErrors.exitCode(new IllegalArgumentException("x"))).isEqualTo(2);
  }

  /**
   * In a JVM of its own, as a user runs it: H2, unable to open the database or its trace file,
   * prints the error to stdout and its stack trace to stderr by itself; none of that reaches them.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite"})
  void aStoreThatCannotBeOpenedLeavesOneLineAndNothingOnStdout(String db) throws Exception {
    Files.createDirectories(dir.resolve("h.mv.db"));
    Files.createDirectories(dir.resolve("h.trace.db"));
    Files.createDirectories(dir.resolve("c.db"));
    String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("h") : "jdbc:sqlite:" + dir.resolve("c.db");

    Result result = main("--db", url, "--tenant", "acme", "--format", "json", "metrics");

    assertThat(result.code).as(result.err).isEqualTo(1);
    assertThat(result.out).isEmpty();
    // The database is named by its kind and file, never by its whole URL (which may carry settings).
    String file = (db.equals("h2") ? dir.resolve("h") : dir.resolve("c.db")).toString();
    assertOneClearLine(result.err, db.equals("h2") ? "H2 database " + file : "SQLITE database " + file,
        "check that --db");
  }

  @Test
  void theCommandsOwnOutputStillReachesStdout() throws Exception {
    Result result = main("--db", "jdbc:h2:mem:ok", "--tenant", "acme", "--format", "json", "metrics");

    assertThat(result.code).as(result.err).isZero();
    assertThat(new ObjectMapper().readTree(result.out).has("members")).isTrue();
  }

  private record Result(int code, String out, String err) {}

  private Result main(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ConvenerCommand.class.getName()));
    command.addAll(List.of(args));
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
    return new Result(child.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
  }
}
