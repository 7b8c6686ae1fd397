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

/** {@code convener innovation candidates | confirm | detection} on an H2 file database. */
class InnovationDetectionCommandTest {
  private static final String AS_OF = "2025-06-01T00:00:00Z";
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

  private static String use(int n, String actor, String team, int day, String tag) {
    return String.format("{\"id\":\"e%d\",\"at\":\"2025-03-%02dT09:00:00Z\",\"kind\":\"message\",\"actor\":\"%s\","
        + "\"team\":\"%s\",\"tags\":[\"%s\"]}", n, day, actor, team, tag);
  }

  /** "mob-review" starts in t-a on March 1, reaches t-b, t-c and t-d from March 20; "solo" stays in t-a. */
  private void data() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String[] m : new String[][] {{"ana", "t-a"}, {"al", "t-a"}, {"bo", "t-b"}, {"cy", "t-c"}, {"di", "t-d"}}) {
      lines.add("{\"type\":\"member\",\"id\":\"" + m[0] + "\",\"teams\":[\"" + m[1] + "\"]}");
    }
    for (int day = 1; day <= 15; day += 2) {
      lines.add(use(lines.size(), "ana", "t-a", day, "mob-review"));
      lines.add(use(lines.size(), "al", "t-a", day, "solo"));
    }
    lines.add(use(lines.size(), "bo", "t-b", 20, "mob-review"));
    lines.add(use(lines.size(), "cy", "t-c", 22, "mob-review"));
    lines.add(use(lines.size(), "di", "t-d", 25, "mob-review"));
    Path file = dir.resolve("acme.jsonl");
    Files.write(file, lines);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void candidatesPrintTheBriefsShapeAndAConfirmedOneIsTraced() throws Exception {
    data();
    assertThat(run("--format", "json", "innovation", "candidates", "--window", "180d")).as(err.toString()).isZero();
    JsonNode doc = mapper.readTree(out.toString());
    assertThat(doc.get("candidates")).hasSize(1);
    JsonNode c = doc.get("candidates").get(0);
    assertThat(c.get("tag").asText()).isEqualTo("mob-review");
    assertThat(c.get("originTeam").asText()).isEqualTo("t-a");
    assertThat(c.get("firstSeen").asText()).isEqualTo("2025-03-01T09:00:00Z");
    assertThat(c.get("teams").asInt()).isEqualTo(4);
    assertThat(c.get("adopters").asInt()).isEqualTo(3);
    assertThat(c.get("confirmed").isNull()).isTrue();

    assertThat(run("--format", "json", "innovation", "confirm", "mob-review")).as(err.toString()).isZero();
    assertThat(mapper.readTree(out.toString()).get("innovation").asText()).isEqualTo("practice:mob-review");
    assertThat(run("--format", "json", "innovation", "spread", "practice:mob-review")).as(err.toString()).isZero();
    JsonNode spread = mapper.readTree(out.toString());
    assertThat(spread.get("adoptions").asInt()).isEqualTo(3);
    assertThat(spread.get("teams").asInt()).isEqualTo(4);

    assertThat(run("innovation", "candidates")).isZero();
    assertThat(out.toString()).contains("mob-review").contains("practice:mob-review");
  }

  @Test
  void aDecoyOrABadThresholdIsAUsageErrorOnOneLine() throws Exception {
    data();
    assertThat(run("innovation", "confirm", "solo")).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
        .contains("'solo' is not a candidate innovation").contains("did not spread: used in 1 team(s) (needs 3)");

    assertThat(run("innovation", "detection", "--min-teams", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("minTeams must be at least 2, got 1");
    assertThat(run("innovation", "detection", "--origin-lead", "two weeks")).isEqualTo(2);
    assertThat(err.toString()).contains("'--origin-lead'");

    assertThat(run("--format", "json", "innovation", "detection", "--min-teams", "5")).as(err.toString()).isZero();
    assertThat(mapper.readTree(out.toString()).get("minTeams").asInt()).isEqualTo(5);
    assertThat(run("--format", "json", "innovation", "candidates")).isZero();
    assertThat(mapper.readTree(out.toString()).get("candidates")).isEmpty();
  }
}
