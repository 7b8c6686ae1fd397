package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener repair} as an operator runs it after a crash. */
class RepairCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void rebuildsAnH2FileKeepsTheOriginalAsideAndTheDataStaysReadable() throws Exception {
    Path file = Files.writeString(dir.resolve("events.jsonl"), IngestCommandTest.FILE.lines().limit(3)
        .reduce("", (a, b) -> a + b + "\n"));
    String url = "jdbc:h2:file:" + dir.resolve("h");
    assertThat(run("--db", url, "--tenant", "acme", "ingest", file.toString())).as(err.toString()).isZero();

    assertThat(run("--db", url, "--format", "json", "repair")).as(err.toString()).isZero();

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(Path.of(report.get("keptAside").asText()).resolve("h.mv.db")).isRegularFile();
    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "ingest", file.toString()))
        .as(err.toString()).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("duplicates").asLong())
        .as("the events stored before the repair are still there").isEqualTo(2);
  }

  @Test
  void checksAnSqliteFile() {
    String url = "jdbc:sqlite:" + dir.resolve("c.db");
    assertThat(run("--db", url, "--tenant", "acme", "consent", "list")).as(err.toString()).isZero();

    assertThat(run("--db", url, "repair")).as(err.toString()).isZero();
    assertThat(out.toString()).contains(": ok").contains("  ok");
  }

  @Test
  void aServerDatabaseIsAUsageError() {
    assertThat(run("--db", "jdbc:postgresql://127.0.0.1:1/convener", "repair")).isEqualTo(2);
    assertThat(err.toString()).contains("repair works on embedded database files");
  }
}
