package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learning attribute} on a small interchange file: JSON per the contract, consent, errors. */
class LearningCommandTest {
  private static final String LINES = """
      {"type":"member","id":"ana","teams":["t1"]}
      {"type":"member","id":"bo","teams":["t2"]}
      {"type":"member","id":"cy","teams":["t1"]}
      {"type":"member","id":"dee","teams":["t3"]}
      {"id":"l1","at":"2026-03-02T09:00:00Z","kind":"learning","actor":"bo","team":"t2","tags":["caching"]}
      {"id":"l2","at":"2026-03-03T09:00:00Z","kind":"learning","actor":"dee","team":"t3","tags":["sql"]}
      {"id":"a1","at":"2026-03-05T09:00:00Z","kind":"applied","actor":"ana","team":"t1","refs":["l1"],"tags":["caching"]}
      {"id":"a2","at":"2026-03-06T09:00:00Z","kind":"applied","actor":"ana","team":"t1","refs":["l2"],"tags":["sql"]}
      {"id":"o1","at":"2026-03-08T09:00:00Z","kind":"outcome","actor":"cy","team":"t1","refs":["a1"],"tags":["caching"],"attrs":{"value":12.5}}
      {"id":"o2","at":"2026-03-10T09:00:00Z","kind":"outcome","actor":"cy","team":"t1","tags":["sql"],"attrs":{"value":3}}
      {"id":"m1","at":"2026-03-10T10:00:00Z","kind":"message","actor":"cy","team":"t1"}
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 4];
    all[0] = "--db";
    all[1] = "jdbc:h2:file:" + dir.resolve("db");
    all[2] = "--tenant";
    all[3] = "acme";
    System.arraycopy(args, 0, all, 4, args.length);
    return ConvenerCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @BeforeEach
  void load() throws Exception {
    Path file = dir.resolve("learning.jsonl");
    Files.writeString(file, LINES);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
    assertThat(run("consent", "grant", "--member", "bo", "--purpose", "learning.attribution")).isZero();
  }

  @Test
  void attributesEveryOutcomeAsTheContractSays() throws Exception {
    assertThat(run("--format", "json", "--as-of", "2026-04-01T00:00:00Z", "learning", "attribute"))
        .as(err.toString()).isZero();
    JsonNode attributions = json().get("attributions");
    assertThat(attributions).extracting(a -> a.get("outcome").asText()).containsExactly("o1", "o2");
    JsonNode o1 = attributions.get(0);
    JsonNode bo = o1.get("contributors").get(0);
    assertThat(bo.get("member").asText()).isEqualTo("bo");
    assertThat(bo.get("share").asDouble()).isGreaterThan(0.5);
    assertThat(bo.get("evidence").get(0).get("rule").asText()).isEqualTo("explicit-ref");
    assertThat(bo.get("evidence").get(0).get("event").asText()).isEqualTo("a1");
    assertThat(o1.get("model").asText()).isEqualTo("shapley");
    assertThat(o1.get("provenanceId").asLong()).isNotNegative();

    JsonNode o2 = attributions.get(1);
    assertThat(o2.get("contributors").findValuesAsText("member")).as("dee did not consent").doesNotContain("dee");
    assertThat(o2.get("withheld").asInt()).isPositive();
    double total = o2.get("withheldShare").asDouble();
    for (JsonNode c : o2.get("contributors")) {
      total += c.get("share").asDouble();
    }
    assertThat(total).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void oneOutcomeOtherModelsAndATable() throws Exception {
    assertThat(run("--format", "json", "learning", "attribute", "--outcome", "o1", "--model", "time-decay",
        "--half-life", "36h")).as(err.toString()).isZero();
    assertThat(json().get("attributions")).singleElement()
        .satisfies(a -> assertThat(a.get("model").asText()).isEqualTo("time-decay"));
    assertThat(run("learning", "attribute", "--outcome", "o1")).isZero();
    assertThat(out.toString()).contains("outcome o1").contains("bo").contains("explicit-ref");
    assertThat(run("--format", "json", "provenance", "--activity", "learning.attribute")).isZero();
    assertThat(json().get("events")).hasSize(2);
  }

  @Test
  void badInputIsAClearUsageError() {
    assertThat(run("learning", "attribute", "--outcome", "nope")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("convener: outcome: no event 'nope' in the tenant");
    assertThat(run("learning", "attribute", "--outcome", "m1")).isEqualTo(2);
    assertThat(err.toString()).contains("'message' event, not an outcome");
    assertThat(run("learning", "attribute", "--model", "first-touch")).isEqualTo(2);
    assertThat(err.toString()).contains("--model");
    assertThat(run("learning", "attribute", "--half-life", "7d")).isEqualTo(2);
    assertThat(err.toString()).contains("--half-life");
    assertThat(run("learning", "forget")).isEqualTo(2);
  }
}
