package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convener feedback}: a member disputes their own ranking and is held out of {@code
 * champions} until the operator rejects the dispute; others' results and bad options are refused
 * with one line; the counts per team in {@code feedback rates} and in the report. On SQLite, the
 * command's default store, where giving feedback encrypts the reason inside the call's transaction.
 */
class FeedbackCommandTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:sqlite:" + dir.resolve("convener.db"), "--tenant", "acme",
        "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonNode json() throws Exception {
    return mapper.readTree(out.toString());
  }

  private List<String> champions() throws Exception {
    assertThat(run("--format", "json", "champions")).as(err.toString()).isZero();
    List<String> ids = new ArrayList<>();
    json().get("champions").forEach(c -> ids.add(c.get("member").asText()));
    return ids;
  }

  @BeforeEach
  void ingest() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, GraphCommandTest.DATA);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void aDisputedChampionIsHeldOutUntilTheOperatorRejectsTheDispute() throws Exception {
    assertThat(champions()).contains("cy");
    assertThat(run("--format", "json", "feedback", "add", "--kind", "champion", "--member", "cy",
        "--verdict", "dispute", "--reason", "I was covering for ana", "--as", "cy")).as(err.toString()).isZero();
    JsonNode given = json().get("feedback").get(0);
    assertThat(given.get("status").asText()).isEqualTo("open");
    assertThat(champions()).doesNotContain("cy");
    assertThat(run("feedback", "add", "--kind", "champion", "--member", "ana", "--verdict", "agree", "--as", "ana"))
        .as(err.toString()).isZero();

    assertThat(run("--format", "json", "feedback", "list", "--as", "cy")).isZero();
    assertThat(json().get("feedback")).hasSize(1);
    assertThat(run("--format", "json", "feedback", "review", given.get("id").asText(), "--reject"))
        .as(err.toString()).isZero();
    assertThat(json().get("feedback").get(0).get("status").asText()).isEqualTo("rejected");
    assertThat(champions()).contains("cy");

    assertThat(run("--format", "json", "feedback", "rates")).as(err.toString()).isZero();
    JsonNode core = json().get("teams").get(0);
    assertThat(core.get("team").asText()).isEqualTo("core");
    assertThat(core.get("agreed").asInt()).isOne();
    assertThat(core.get("rejected").asInt()).isOne();
    assertThat(core.get("disputeRate").asDouble()).isEqualTo(0.5);
    assertThat(run("feedback", "rates")).isZero();
    assertThat(out.toString()).contains("core", "50%");

    Path report = dir.resolve("report.html");
    assertThat(run("report", "--out", report.toString())).as(err.toString()).isZero();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    String section = html.substring(html.indexOf("<section id=\"feedback\">"));
    assertThat(section).contains("Feedback per team", "<td>core</td>", "dispute rate 50 percent")
        .doesNotContain("cy", "ana");
    assertThat(GraphCommandTest.parse(report).getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
  }

  @Test
  void othersResultsAndBadOptionsAreRefusedWithOneLine() {
    assertThat(run("feedback", "add", "--kind", "champion", "--member", "cy", "--verdict", "dispute",
        "--reason", "no", "--as", "bo")).isEqualTo(1);
    assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(run("feedback", "add", "--kind", "champion", "--member", "cy", "--verdict", "dispute")).isEqualTo(2);
    assertThat(err.toString()).contains("reason");
    assertThat(run("feedback", "add", "--kind", "attribution", "--member", "cy", "--verdict", "agree"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("outcome");
    assertThat(run("feedback", "add", "--kind", "risk", "--risk", "BORED", "--team", "core", "--verdict", "agree"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--risk");
    assertThat(run("feedback", "add", "--kind", "praise", "--member", "cy", "--verdict", "agree")).isEqualTo(2);
    assertThat(err.toString()).contains("--kind");
    assertThat(run("feedback", "review", "fb-none", "--accept")).isEqualTo(2);
    assertThat(err.toString()).contains("fb-none");
    assertThat(run("feedback", "list", "--lead")).isEqualTo(2);
    assertThat(err.toString()).contains("--as");
  }
}
