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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code champions}, {@code metrics} and {@code collaborators} print the JSON shapes of docs/cli.md,
 * name only consenting members, and treat bad options as usage errors.
 */
class ChampionCommandsTest {
  static final String DATA =
      """
      {"type":"member","id":"ana","teams":["core"],"cohorts":["2025"],"org":"eng/core","skills":["java"]}
      {"type":"member","id":"bo","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"cy","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"dee","teams":["web"],"org":"eng/web","skills":["kafka"]}
      {"type":"member","id":"eve","teams":["web"],"org":"eng/web"}
      {"id":"e1","at":"2026-10-20T09:00:00Z","kind":"reply","actor":"ana","targets":["bo"]}
      {"id":"e2","at":"2026-10-20T09:05:00Z","kind":"reply","actor":"bo","targets":["cy"]}
      {"id":"e3","at":"2026-10-20T09:10:00Z","kind":"reply","actor":"cy","targets":["ana"]}
      {"id":"e4","at":"2026-10-21T09:00:00Z","kind":"reply","actor":"cy","targets":["dee"]}
      {"id":"e5","at":"2026-10-21T09:05:00Z","kind":"reply","actor":"dee","targets":["eve"]}
      {"id":"e6","at":"2026-10-21T09:10:00Z","kind":"endorsement","actor":"eve","targets":["dee"],"tags":["kafka"]}
      {"id":"e7","at":"2026-10-22T09:00:00Z","kind":"message","actor":"dee","tags":["kafka"]}
      {"id":"c1","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c2","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"bo","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c3","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"cy","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c4","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"dee","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      """;

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

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @BeforeEach
  void ingest() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, DATA);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void championsPrintsTheContractShapeAndNamesOnlyConsentingMembers() throws Exception {
    assertThat(run("--format", "json", "champions", "--limit", "10", "--window", "90d")).as(err.toString()).isZero();
    JsonNode doc = json();
    assertThat(doc.get("tenant").asText()).isEqualTo("acme");
    assertThat(doc.get("asOf").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(doc.get("window").asText()).isEqualTo("90d");
    JsonNode champions = doc.get("champions");
    assertThat(champions).hasSize(4);
    List<String> names = new ArrayList<>();
    for (JsonNode c : champions) {
      assertThat(c.has("member") && c.has("rank") && c.has("score") && c.has("roles") && c.has("components")
          && c.has("provenanceId")).as(c.toString()).isTrue();
      assertThat(c.get("provenanceId").asLong()).isEqualTo(doc.get("provenanceId").asLong());
      assertThat(c.get("components").has("influence")).isTrue();
      c.get("roles").forEach(r -> assertThat(r.asText()).isIn("champion", "connector"));
      names.add(c.get("member").asText());
    }
    assertThat(names).doesNotContain("eve").contains("cy", "dee");
    assertThat(doc.get("withheld").asInt()).isEqualTo(1);
    assertThat(champions.get(0).get("rank").asInt()).isEqualTo(1);
  }

  @Test
  void championsFiltersByTeamAndRole() throws Exception {
    assertThat(run("--format", "json", "champions", "--team", "core")).isZero();
    List<String> names = new ArrayList<>();
    json().get("champions").forEach(c -> names.add(c.get("member").asText()));
    assertThat(names).containsExactlyInAnyOrder("ana", "bo", "cy");
    assertThat(run("--format", "json", "champions", "--role", "connector")).isZero();
    json().get("champions").forEach(c -> assertThat(c.get("roles").toString()).contains("connector"));
  }

  @Test
  void metricsPrintsEveryContractFieldAndTheModularity() throws Exception {
    assertThat(run("--format", "json", "metrics", "--window", "90d")).as(err.toString()).isZero();
    JsonNode doc = json();
    assertThat(doc.has("modularity")).isTrue();
    JsonNode members = doc.get("members");
    assertThat(members).hasSize(4);
    for (JsonNode m : members) {
      for (String field : List.of("member", "degree", "strength", "pagerank", "betweenness", "closeness",
          "eigenvector", "constraint", "effectiveSize", "clustering", "community")) {
        assertThat(m.has(field)).as(field).isTrue();
      }
    }
    assertThat(members.get(0).get("member").asText()).isEqualTo("ana");
    assertThat(members.get(2).get("degree").asInt()).as("cy: ana, bo, dee").isEqualTo(3);
  }

  @Test
  void collaboratorsPrintsExplainedRecommendations() throws Exception {
    assertThat(run("--format", "json", "collaborators", "--team", "core", "--skills", "kafka", "--limit", "5"))
        .as(err.toString()).isZero();
    JsonNode doc = json();
    assertThat(doc.get("team").asText()).isEqualTo("core");
    JsonNode recs = doc.get("recommendations");
    assertThat(recs).hasSize(1);
    JsonNode dee = recs.get(0);
    assertThat(dee.get("member").asText()).isEqualTo("dee");
    assertThat(dee.get("score").asDouble()).isPositive();
    assertThat(dee.get("provenanceId").asLong()).isPositive();
    assertThat(dee.get("reasons").toString()).contains("skill kafka: declared, endorsed 1, 1 tagged events",
        "ties to 1 of 3 team members");
  }

  @Test
  void tablesAreReadableAndBadOptionsAreUsageErrors() {
    assertThat(run("champions")).isZero();
    assertThat(out.toString()).contains("rank", "cy", "without consent not named");
    assertThat(run("champions", "--window", "ninety")).isEqualTo(2);
    assertThat(err.toString()).contains("--window");
    assertThat(run("champions", "--role", "boss")).isEqualTo(2);
    assertThat(run("collaborators")).as("--team is required").isEqualTo(2);
    assertThat(run("metrics")).isZero();
    assertThat(out.toString()).contains("modularity");
  }
}
