package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code consent} command as an operator and a member drive it, on an H2 file store. */
class ConsentCommandTest {
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

  @Test
  void grantsListsAndRevokesWithOneProvenanceEntryPerChange() throws Exception {
    assertThat(run("--format", "json", "consent", "grant", "--member", "ana", "--purpose", "champion.recommendation",
        "--notice", "n-7")).as(err.toString()).isZero();
    JsonNode granted = json().get("consents").get(0);
    assertThat(granted.get("member").asText()).isEqualTo("ana");
    assertThat(granted.get("decision").asText()).isEqualTo("granted");
    assertThat(granted.get("noticeVersion").asText()).isEqualTo("n-7");

    assertThat(run("--format", "json", "consent", "list", "--purpose", "champion.recommendation")).isZero();
    assertThat(json().get("consents")).hasSize(1);

    assertThat(run("--format", "json", "consent", "revoke", "--member", "ana", "--purpose", "champion.recommendation",
        "--as-member")).as(err.toString()).isZero();
    assertThat(run("--format", "json", "consent", "list", "--purpose", "champion.recommendation")).isZero();
    assertThat(json().get("consents")).isEmpty();
    assertThat(run("--format", "json", "consent", "list", "--member", "ana")).isZero();
    assertThat(json().get("consents")).extracting(n -> n.get("decision").asText()).containsExactly("granted", "revoked");

    assertThat(run("--format", "json", "provenance", "--activity", "consent.grant")).isZero();
    assertThat(json().get("events")).hasSize(1);
    assertThat(run("--format", "json", "provenance", "--activity", "consent.revoke")).isZero();
    assertThat(json().get("events")).hasSize(1);
    assertThat(run("provenance", "--verify")).isZero();
  }

  @Test
  void missingOrInvalidArgumentsAreUsageErrors() {
    assertThat(run("consent", "grant", "--purpose", "champion.recommendation")).isEqualTo(2);
    assertThat(err.toString()).contains("--member");
    assertThat(run("consent", "grant", "--member", "ana", "--purpose", "*")).isEqualTo(2);
    assertThat(err.toString()).contains("--purpose");
    assertThat(run("consent", "approve")).isEqualTo(2);
  }
}
