package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * {@code convener report} writes a well-formed, self-contained page that draws the network without
 * naming members who did not consent, and {@code pulse --series} prints the trend document.
 */
class ReportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db"), "--tenant", "acme",
        "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeEach
  void ingest() throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, GraphCommandTest.DATA);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void theReportIsSelfContainedWellFormedAndNamesOnlyConsentingMembers() throws Exception {
    Path report = dir.resolve("out").resolve("report.html");
    assertThat(run("report", "--out", report.toString(), "--innovation", "no-such-innovation")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Wrote the report to " + report);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg", "Collaboration network", "The tenant has no innovation no-such-innovation.")
        .doesNotContain("src=\"http", "<script", "anonymous-");
    for (String hidden : GraphCommandTest.HIDDEN) {
      assertThat(html).doesNotContain(hidden);
    }
    assertThat(html).contains(">cy</text>").contains("2 members have not consented to be named");
    assertThat(GraphCommandTest.parse(report).getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
    assertThat(run("report", "--out", dir.resolve("report.png").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out", ".html");
  }

  @Test
  void pulseSeriesPrintsThePointsOldestFirstFromOneCall() throws Exception {
    assertThat(run("--format", "json", "pulse", "--team", "web", "--series", "3", "--step", "14d")).as(err.toString())
        .isZero();
    JsonNode doc = new ObjectMapper().readTree(out.toString());
    assertThat(doc.get("scope").asText()).isEqualTo("team:web");
    assertThat(doc.get("step").asText()).isEqualTo("14d");
    JsonNode points = doc.get("points");
    assertThat(points).hasSize(3);
    assertThat(points.get(0).get("asOf").asText()).isEqualTo("2026-10-04T00:00:00Z");
    assertThat(points.get(2).get("asOf").asText()).isEqualTo("2026-11-01T00:00:00Z");
    for (JsonNode p : points) {
      assertThat(p.get("suppressed").asBoolean()).as("4 members, under k = 5").isTrue();
      assertThat(p.get("provenanceId").asLong()).isEqualTo(doc.get("provenanceId").asLong());
    }
    assertThat(run("pulse", "--team", "web", "--series", "3")).isZero();
    assertThat(out.toString()).contains("3 windows of 28 days, 7 days apart", "suppressed");
    assertThat(run("pulse", "--team", "web", "--series", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--series");
    assertThat(run("pulse", "--team", "web", "--series", "3", "--step", "1w")).isEqualTo(2);
    assertThat(err.toString()).contains("--step");
  }
}
