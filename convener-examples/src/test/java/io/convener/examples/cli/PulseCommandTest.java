package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.testing.pulse.PlantedPulseScenario;
import io.convener.testing.synthetic.JsonLinesWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener pulse} on the planted scenario, ingested once from JSON Lines into an H2 file store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PulseCommandTest {
  private static final List<String> CONTRACT_METRICS = List.of("members", "activeMembers", "participationRate",
      "eventsPerMember", "responseRate", "medianResponseMinutes", "reciprocity", "turnTakingGini", "sentiment",
      "psychSafety", "respondents");

  @TempDir static Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 6];
    all[0] = "--db";
    all[1] = "jdbc:h2:file:" + dir.resolve("db");
    all[2] = "--tenant";
    all[3] = "acme";
    all[4] = "--as-of";
    all[5] = PlantedPulseScenario.AS_OF.toString();
    System.arraycopy(args, 0, all, 6, args.length);
    return ConvenerCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @BeforeAll
  void ingestThePlantedScenario() throws Exception {
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    Path file = dir.resolve("planted.jsonl");
    try (OutputStream raw = Files.newOutputStream(file); JsonLinesWriter lines = JsonLinesWriter.to(raw)) {
      scenario.members().forEach(lines::member);
      scenario.events().forEach(lines::event);
    }
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void jsonHasTheContractShape() throws Exception {
    assertThat(run("--format", "json", "pulse", "--team", "declining")).as(err.toString()).isZero();
    JsonNode doc = json();
    assertThat(doc.fieldNames()).toIterable()
        .contains("scope", "window", "computedAt", "suppressed", "metrics", "baseline", "risks");
    assertThat(doc.get("scope").asText()).isEqualTo("team:declining");
    assertThat(doc.get("window").asText()).isEqualTo("28d");
    assertThat(doc.get("suppressed").asBoolean()).isFalse();
    for (String key : CONTRACT_METRICS) {
      assertThat(doc.get("metrics").has(key)).as("metrics." + key).isTrue();
      assertThat(doc.get("baseline").has(key)).as("baseline." + key).isTrue();
    }
    assertThat(doc.get("metrics").get("members").asInt()).isEqualTo(10);
    assertThat(doc.get("metrics").get("eventsPerMember").asDouble()).isEqualTo(12.0);
    assertThat(doc.get("baseline").get("eventsPerMember").asDouble()).isEqualTo(56.0);
    assertThat(doc.get("risks")).extracting(r -> r.get("kind").asText())
        .contains("ENGAGEMENT_DROP", "NEGATIVE_SENTIMENT", "LOW_PSYCH_SAFETY");
    for (JsonNode risk : doc.get("risks")) {
      assertThat(risk.has("severity")).isTrue();
      assertThat(risk.get("reason").asText()).isNotBlank();
      assertThat(risk.has("member")).isFalse();
    }
  }

  @Test
  void silentMembersAreNamedOnlyWithConsent() throws Exception {
    assertThat(run("--format", "json", "pulse", "--team", "quiet")).as(err.toString()).isZero();
    JsonNode risks = json().get("risks");
    assertThat(risks).filteredOn(r -> r.get("kind").asText().equals("SILENT_MEMBER")).hasSize(2);
    assertThat(risks).filteredOn(r -> r.has("member")).singleElement()
        .satisfies(r -> assertThat(r.get("member").asText())
            .isEqualTo(PlantedPulseScenario.standard().consentingSilentMember().value()));
    assertThat(out.toString()).doesNotContain("\"" + PlantedPulseScenario.standard().silentMembers().get(1).value() + "\"");
  }

  @Test
  void smallGroupsAreSuppressedAndOrgUnitsRollUp() throws Exception {
    assertThat(run("--format", "json", "pulse", "--team", "tiny")).isZero();
    JsonNode tiny = json();
    assertThat(tiny.get("suppressed").asBoolean()).isTrue();
    assertThat(tiny.get("metrics").get("members").isNull()).isTrue();
    assertThat(tiny.get("risks")).isEmpty();

    assertThat(run("--format", "json", "pulse", "--org", "eng", "--window", "14d")).isZero();
    assertThat(json().get("metrics").get("members").asInt()).isEqualTo(30);
    assertThat(json().get("window").asText()).isEqualTo("14d");
    assertThat(run("--format", "json", "pulse", "--cohort", "guild")).isZero();
    assertThat(json().get("metrics").get("members").asInt()).isEqualTo(20);

    assertThat(run("pulse", "--team", "steady")).isZero();
    assertThat(out.toString()).contains("participationRate", "No risks.");
  }

  @Test
  void aScopeIsRequiredAndOnlyOne() {
    assertThat(run("pulse")).isEqualTo(2);
    assertThat(run("pulse", "--team", "a", "--org", "b")).isEqualTo(2);
    assertThat(run("pulse", "--team", "a", "--window", "4w")).isEqualTo(2);
    assertThat(err.toString()).contains("--window");
  }
}
