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

/** {@code convener innovation} on an H2 file database: the contract's JSON shape and agreements. */
class InnovationCommandTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("convener").toAbsolutePath();
  }

  private void ingest(String tenant, String... lines) throws Exception {
    Path file = dir.resolve(tenant + ".jsonl");
    Files.write(file, List.of(lines));
    assertThat(run("--db", db(), "--tenant", tenant, "ingest", file.toString())).as(err.toString()).isZero();
  }

  private void data() throws Exception {
    ingest("acme",
        "{\"type\":\"member\",\"id\":\"ana\",\"teams\":[\"t-a\"]}",
        "{\"type\":\"member\",\"id\":\"bo\",\"teams\":[\"t-b\"]}",
        "{\"id\":\"i1\",\"at\":\"2025-03-03T09:00:00Z\",\"kind\":\"innovation\",\"actor\":\"ana\",\"team\":\"t-a\"}",
        "{\"id\":\"a1\",\"at\":\"2025-03-05T09:00:00Z\",\"kind\":\"adoption\",\"actor\":\"bo\",\"team\":\"t-b\","
            + "\"refs\":[\"i1\"],\"attrs\":{\"fromTeam\":\"t-a\"}}",
        "{\"id\":\"c1\",\"at\":\"2025-03-01T09:00:00Z\",\"kind\":\"consent\",\"actor\":\"bo\","
            + "\"attrs\":{\"purpose\":\"innovation.attribution\",\"decision\":\"granted\"}}");
    ingest("globex",
        "{\"type\":\"member\",\"id\":\"gus\",\"teams\":[\"g-ops\"]}",
        "{\"id\":\"g1\",\"at\":\"2025-03-09T09:00:00Z\",\"kind\":\"adoption\",\"actor\":\"gus\",\"team\":\"g-ops\","
            + "\"refs\":[\"i1\"],\"attrs\":{\"fromTenant\":\"acme\",\"fromTeam\":\"t-b\"}}",
        "{\"id\":\"c2\",\"at\":\"2025-03-01T09:00:00Z\",\"kind\":\"consent\",\"actor\":\"gus\","
            + "\"attrs\":{\"purpose\":\"innovation.attribution\",\"decision\":\"granted\"}}");
  }

  @Test
  void spreadPrintsTheContractsJsonShapeAndErrorsExitWithItsCodes() throws Exception {
    data();
    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "innovation", "spread", "i1"))
        .as(err.toString()).isZero();
    JsonNode doc = mapper.readTree(out.toString());
    assertThat(fieldNames(doc)).contains("innovation", "origin", "adoptions", "teams", "tenants", "depth",
        "maxBreadth", "structuralVirality", "lineage");
    assertThat(doc.get("innovation").asText()).isEqualTo("i1");
    assertThat(doc.get("origin").isNull()).as("ana has not consented").isTrue();
    assertThat(doc.get("adoptions").asInt()).isEqualTo(1);
    assertThat(doc.get("teams").asInt()).isEqualTo(2);
    assertThat(doc.get("tenants").asInt()).isEqualTo(1);
    assertThat(doc.get("depth").asInt()).isEqualTo(1);
    assertThat(doc.get("maxBreadth").asInt()).isEqualTo(1);
    assertThat(doc.get("structuralVirality").asDouble()).isEqualTo(1.0);
    JsonNode entry = doc.get("lineage").get(0);
    assertThat(fieldNames(entry)).contains("adopter", "team", "from", "at");
    assertThat(entry.get("adopter").asText()).isEqualTo("bo");
    assertThat(entry.get("team").asText()).isEqualTo("t-b");
    assertThat(entry.get("from").asText()).isEqualTo("i1");
    assertThat(entry.get("at").asText()).isEqualTo("2025-03-05T09:00:00Z");

    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "spread", "i1")).isZero();
    assertThat(out.toString()).contains("Innovation i1").contains("structural virality 1.0000").contains("bo");

    // Errors exit with the contract's codes.
    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "spread", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("no innovation and no adoption with id nope");
    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "spread", "i1", "--window", "soon")).isEqualTo(2);
    // A value the API refuses is a bad option value: a usage error.
    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "share", "--with", "acme")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("convener: counterpart must be another tenant than acme\n");
    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "share", "--with", "bad tenant")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "withdraw")).isEqualTo(2);
    assertThat(run("--db", db(), "innovation", "spread", "i1")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "innovation", "push", "i1")).isZero();
    assertThat(mapper.readTree(out.toString()).get("successful").asBoolean()).isFalse();
  }

  @Test
  void agreementsOnBothSidesLetTheAdoptionCrossAsAPseudonym() throws Exception {
    data();
    assertThat(run("--db", db(), "--tenant", "globex", "--format", "json", "innovation", "spread", "i1")).isZero();
    JsonNode rejected = mapper.readTree(out.toString()).get("rejected").get(0);
    assertThat(rejected.get("node").asText()).isEqualTo("g1");
    assertThat(rejected.get("reason").asText()).contains("acme has not agreed to share");

    assertThat(run("--db", db(), "--tenant", "acme", "innovation", "share", "--with", "globex")).isZero();
    assertThat(out.toString()).contains("share with").contains("globex");
    assertThat(run("--db", db(), "--tenant", "globex", "--format", "json", "innovation", "spread", "i1")).isZero();
    assertThat(mapper.readTree(out.toString()).get("rejected").get(0).get("reason").asText())
        .contains("globex has not agreed to accept").doesNotContain("acme has not agreed");

    assertThat(run("--db", db(), "--tenant", "globex", "--format", "json", "innovation", "accept", "--from", "acme"))
        .isZero();
    assertThat(mapper.readTree(out.toString()).get("agreements").get(0).get("direction").asText())
        .isEqualTo("accept-from");
    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "innovation", "spread", "i1")).isZero();
    JsonNode acme = mapper.readTree(out.toString());
    assertThat(acme.get("tenants").asInt()).isEqualTo(2);
    JsonNode gus = acme.get("lineage").get(1);
    assertThat(gus.get("adopter").asText()).matches("x-[0-9a-f]{32}");
    assertThat(gus.get("from").asText()).isEqualTo("a1");
    assertThat(out.toString()).doesNotContain("gus").doesNotContain("g-ops");

    assertThat(run("--db", db(), "--tenant", "globex", "innovation", "withdraw", "--accept-from", "acme")).isZero();
    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "innovation", "spread", "i1")).isZero();
    assertThat(mapper.readTree(out.toString()).get("tenants").asInt()).isEqualTo(1);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
