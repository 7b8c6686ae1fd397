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

/** {@code learning plan} on a small interchange file: JSON and CSV, consent, unknown names, delivery. */
class LearningPlanCommandTest {
  private static final String LINES = """
      {"type":"member","id":"ana","teams":["t1"]}
      {"type":"member","id":"bo","teams":["t2"]}
      {"type":"member","id":"cy","teams":["t1"]}
      {"id":"l1","at":"2026-03-02T09:00:00Z","kind":"learning","actor":"bo","team":"t2","tags":["sql","postgres"]}
      {"id":"l2","at":"2026-03-03T09:00:00Z","kind":"learning","actor":"bo","team":"t2","tags":["kafka"]}
      {"id":"l3","at":"2026-03-04T09:00:00Z","kind":"learning","actor":"cy","team":"t1","tags":["react"]}
      {"id":"a1","at":"2026-03-05T09:00:00Z","kind":"applied","actor":"cy","team":"t1","refs":["l1"],"tags":["sql"]}
      {"id":"w1","at":"2026-03-10T09:00:00Z","kind":"message","actor":"ana","team":"t1","tags":["sql"]}
      """;
  private static final String AS_OF = "2026-04-01T00:00:00Z";

  @TempDir Path dir;
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
    all[5] = AS_OF;
    System.arraycopy(args, 0, all, 6, args.length);
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
    for (String m : new String[] {"ana", "cy"}) {
      assertThat(run("consent", "grant", "--member", m, "--purpose", "learning.attribution")).isZero();
    }
  }

  @Test
  void aMembersPlanAsJsonWithPlanTags() throws Exception {
    assertThat(run("--format", "json", "learning", "plan", "--member", "ana", "--plan-tags", "kafka"))
        .as(err.toString()).isZero();
    JsonNode plan = json();
    assertThat(plan.get("member").asText()).isEqualTo("ana");
    assertThat(plan.get("windowDays").asInt()).isEqualTo(90);
    assertThat(plan.get("recommendations")).extracting(r -> r.get("artifact").asText()).containsExactly("l1", "l2");
    JsonNode l1 = plan.get("recommendations").get(0);
    assertThat(l1.get("matchedTags")).extracting(JsonNode::asText).containsExactly("sql");
    assertThat(l1.get("appliedBy").asInt()).isEqualTo(1);
    assertThat(l1.get("namedAppliers")).extracting(JsonNode::asText).containsExactly("cy");
    assertThat(plan.get("recommendations").get(1).get("plannedTags")).extracting(JsonNode::asText).containsExactly("kafka");
    assertThat(plan.get("provenanceId").asLong()).isNotNegative();
  }

  @Test
  void aTeamPlanAsCsvAndAsText() {
    assertThat(run("--format", "csv", "learning", "plan", "--team", "t1", "--plan-tags", "kafka", "--limit", "3"))
        .as(err.toString()).isZero();
    assertThat(out.toString().lines().toList()).first().asString()
        .isEqualTo("rank,artifact,score,matchedTags,plannedTags,appliedBy,outcomes,reason");
    assertThat(out.toString()).contains(",l2,").doesNotContain(",l1,").doesNotContain(",l3,");
    assertThat(run("learning", "plan", "--member", "ana")).isZero();
    assertThat(out.toString()).contains("learning plan for member:ana").contains("l1").contains("matches recent work in sql");
  }

  @Test
  void unknownNamesAreUsageErrorsAndAMemberWithoutConsentGetsNoPlan() {
    assertThat(run("learning", "plan", "--member", "zed")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("convener: --member: tenant acme has no member 'zed'");
    assertThat(run("learning", "plan", "--team", "t9")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("convener: --team: tenant acme has no team 't9'");
    assertThat(run("learning", "plan", "--member", "bo")).isEqualTo(1);
    assertThat(err.toString()).contains("member 'bo' does not consent to learning.attribution");
    assertThat(out.toString()).isEmpty();
    assertThat(run("learning", "plan")).isEqualTo(2);
    assertThat(err.toString()).contains("exactly one of '--member' or '--team'");
    assertThat(run("learning", "plan", "--member", "ana", "--window", "soon")).isEqualTo(2);
    assertThat(run("learning", "plan", "--member", "ana", "--limit", "0")).isEqualTo(2);
    assertThat(run("learning", "attribute", "--member", "ana")).isEqualTo(2);
  }

  @Test
  void notifyQueuesTheNotificationAndTheCallIsInProvenance() throws Exception {
    assertThat(run("--format", "json", "learning", "plan", "--member", "ana", "--notify")).as(err.toString()).isZero();
    assertThat(json().get("notified").asInt()).isEqualTo(1);
    assertThat(run("--format", "json", "provenance", "--activity", "learning.plan")).isZero();
    assertThat(json().get("events")).hasSize(1);
  }
}
