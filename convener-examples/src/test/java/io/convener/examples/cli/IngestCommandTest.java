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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ingest} command as an operator drives it, on real stores. */
class IngestCommandTest {
  /** Good lines, a duplicate, and three malformed lines: bad JSON, missing actor, bad timestamp. */
  static final String FILE =
      """
      {"type":"member","id":"ana","teams":["core"]}
      {"id":"e1","at":"2026-11-02T09:00:00Z","kind":"message","actor":"ana","team":"core"}
      {"id":"e2","at":"2026-11-02T09:05:00Z","kind":"reply","actor":"bo","targets":["ana"],"refs":["e1"]}
      {"id":"e1","at":"2026-11-02T09:00:00Z","kind":"message","actor":"ana","team":"core"}
      {"id":"e3","at":"2026-11-02T10:00:00Z","kind":
      {"id":"e4","at":"2026-11-02T10:00:00Z","kind":"message"}
      {"id":"e5","at":"last tuesday","kind":"message","actor":"ana"}
      {"id":"e6","at":"2026-11-02T11:00:00Z","kind":"mention","actor":"ana","targets":["bo"]}
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite"})
  void exitsThreeReportsEachBadLineAndStoresGoodLinesExactlyOnce(String db) throws Exception {
    Path file = Files.writeString(dir.resolve("events.jsonl"), FILE);
    String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("h2db") : "jdbc:sqlite:" + dir.resolve("c.db");

    int code = run("--db", url, "--tenant", "acme", "--format", "json", "ingest", file.toString());

    assertThat(code).as(err.toString()).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("accepted").asLong()).isEqualTo(4); // one member, three new events
    assertThat(report.get("events").asLong()).isEqualTo(3);
    assertThat(report.get("duplicates").asLong()).isEqualTo(1);
    JsonNode rejected = report.get("rejected");
    assertThat(rejected).hasSize(3);
    assertThat(rejected.get(0).get("line").asLong()).isEqualTo(5);
    assertThat(rejected.get(0).get("reason").asText()).contains("not valid JSON");
    assertThat(rejected.get(1).get("line").asLong()).isEqualTo(6);
    assertThat(rejected.get(1).get("reason").asText()).isEqualTo("actor: required");
    assertThat(rejected.get(2).get("line").asLong()).isEqualTo(7);
    assertThat(rejected.get(2).get("reason").asText()).startsWith("at: ").contains("last tuesday");

    int again = run("--db", url, "--tenant", "acme", "--format", "json", "ingest", file.toString());

    assertThat(again).isEqualTo(3);
    JsonNode second = new ObjectMapper().readTree(out.toString());
    assertThat(second.get("events").asLong()).isZero();
    assertThat(second.get("duplicates").asLong()).isEqualTo(4);
  }

  @Test
  void printsATableForPeopleAndExitsZeroWhenEverythingIsTaken() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.jsonl"), FILE.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));

    int code = run("--db", "jdbc:h2:mem:table", "ingest", file.toString(), "--tenant", "acme");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("3 accepted (1 members, 2 new events), 0 duplicates, 0 rejected");
  }

  @Test
  void usageErrorsExitTwoWithOneLineOnStderr() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.jsonl"), FILE);

    assertThat(run("--db", "jdbc:h2:mem:u1", "ingest", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--tenant");

    assertThat(run("--db", "jdbc:h2:mem:u2", "--tenant", "acme", "ingest", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("convener: ").contains("missing.jsonl");

    assertThat(run("--tenant", "acme", "ingest", dir.resolve("notes.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(".jsonl or .csv");

    assertThat(run("--tenant", "no spaces allowed", "ingest", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tenant id");

    assertThat(run("--bogus")).isEqualTo(2);
  }

  @Test
  void anUnsupportedDatabaseUrlIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.jsonl"), FILE);

    int code = run("--db", "jdbc:mysql://localhost/convener", "--tenant", "acme", "ingest", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("convener: ").contains("--db");
  }

  @Test
  void aStoreThatCannotBeOpenedExitsOneWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.jsonl"), FILE);
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

    int code = run("--db", "jdbc:sqlite:" + notADirectory.resolve("c.db"), "--tenant", "acme", "ingest", file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("convener: ");
  }
}
