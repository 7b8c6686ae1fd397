package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener innovation suggest | roi} on an H2 file database: JSON, table, bad input (exit 2). */
class InnovationSuggestCommandTest {
  private static final String AS_OF = "2025-03-10T00:00:00Z";
  private final ObjectMapper mapper = new ObjectMapper();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("convener").toAbsolutePath(),
        "--tenant", "acme", "--as-of", AS_OF));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** i1 starts in t-a; t-b meets t-a twice, t-c never. */
  private void data() throws Exception {
    Path file = dir.resolve("acme.jsonl");
    Files.write(file, List.of(
        "{\"type\":\"member\",\"id\":\"ana\",\"teams\":[\"t-a\"]}",
        "{\"type\":\"member\",\"id\":\"bo\",\"teams\":[\"t-b\"]}",
        "{\"type\":\"member\",\"id\":\"cy\",\"teams\":[\"t-c\"]}",
        "{\"id\":\"i1\",\"at\":\"2025-03-01T09:00:00Z\",\"kind\":\"innovation\",\"actor\":\"ana\",\"team\":\"t-a\"}",
        "{\"id\":\"m1\",\"at\":\"2025-03-02T09:00:00Z\",\"kind\":\"meeting\",\"actor\":\"bo\",\"targets\":[\"ana\"]}",
        "{\"id\":\"m2\",\"at\":\"2025-03-03T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\",\"targets\":[\"bo\"]}"));
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void printsTheRankedTeamsWithTheirReasons() throws Exception {
    data();
    assertThat(run("--format", "json", "innovation", "suggest", "i1", "--limit", "1")).as(err.toString()).isZero();
    JsonNode doc = mapper.readTree(out.toString());
    assertThat(doc.get("adoptingTeams").asInt()).isEqualTo(1);
    assertThat(doc.get("candidateTeams").asInt()).isEqualTo(2);
    assertThat(doc.get("suggestions")).hasSize(1);
    assertThat(doc.get("suggestions").get(0).get("team").asText()).isEqualTo("t-b");
    assertThat(doc.get("suggestions").get(0).get("reason").asText())
        .isEqualTo("2 collaborations with adopting teams (most with t-a); no distinctive practice terms in common");

    assertThat(run("innovation", "suggest", "i1")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("i1: 1 adopting teams, 2 candidate teams").contains("t-b").contains("t-c")
        .doesNotContain("ana").doesNotContain("bo ");
  }

  @Test
  void badInputExitsWithTwoAndOneLine() throws Exception {
    data();
    assertThat(run("innovation", "suggest", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("innovation").contains("has no innovation nope").doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(run("innovation", "suggest", "i1", "--limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("'--limit' must be 1 to 100, got 0");
  }

  @Test
  void roiSaysNotEnoughDataAndRefusesBadInput() throws Exception {
    data();
    assertThat(run("--format", "json", "innovation", "roi", "i1", "--outcome", "velocity", "--before", "14d"))
        .as(err.toString()).isZero();
    JsonNode doc = mapper.readTree(out.toString());
    assertThat(doc.get("outcome").asText()).isEqualTo("velocity");
    assertThat(doc.get("adoptingTeams").asInt()).isZero();
    assertThat(doc.get("effect").isNull()).isTrue();
    assertThat(doc.get("notEnoughData").asText()).startsWith("not enough data");
    assertThat(run("innovation", "roi", "i1")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("0 adopting and 0 comparison teams, 28d before and 28d after")
        .contains("not enough data");
    assertThat(run("innovation", "roi", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("has no innovation nope").doesNotContain("Exception");
    assertThat(run("innovation", "roi", "i1", "--after", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("'--after'");
  }
}
