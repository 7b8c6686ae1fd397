package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener approvals} as an operator and a member drive it, on an H2 file database. */
class ApprovalsCommandTest {
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

  @Test
  void requestDecideAsTheSubjectAndListAsJson() throws Exception {
    Path members = Files.writeString(dir.resolve("members.jsonl"), "{\"type\":\"member\",\"id\":\"ana\"}\n");
    assertThat(run("--db", db(), "--tenant", "acme", "ingest", members.toString())).as(err.toString()).isZero();
    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "approvals", "request",
        "--subject", "ana", "--purpose", "profile.share", "--scope", "show my name in the mentoring list"))
        .as(err.toString()).isZero();
    JsonNode requested = mapper.readTree(out.toString()).get("approvals").get(0);
    String id = requested.get("id").asText();
    assertThat(requested.get("status").asText()).isEqualTo("pending");
    assertThat(requested.get("requester").asText()).isEqualTo("cli");

    // The operator requested it, so it may not approve it as an admin.
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "decide", id, "--approve")).isEqualTo(1);
    assertThat(err.toString()).contains("separation of duties");
    // Somebody else's member may not decide it.
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "decide", id, "--approve", "--as", "bo"))
        .isEqualTo(1);

    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "approvals", "decide", id, "--approve",
        "--reason", "happy to", "--as", "ana")).as(err.toString()).isZero();
    JsonNode decided = mapper.readTree(out.toString()).get("approvals").get(0);
    assertThat(decided.get("status").asText()).isEqualTo("approved");
    assertThat(decided.get("votes").get(0).get("as").asText()).isEqualTo("subject");

    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "approvals", "list", "--status", "approved"))
        .as(err.toString()).isZero();
    JsonNode listed = mapper.readTree(out.toString());
    assertThat(listed.get("approvals")).hasSize(1);
    assertThat(listed.get("approvals").get(0).get("id").asText()).isEqualTo(id);

    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "approvals", "list", "--as", "bo"))
        .as(err.toString()).isZero();
    assertThat(mapper.readTree(out.toString()).get("approvals")).isEmpty();
    assertThat(run("--db", db(), "--tenant", "globex", "--format", "json", "approvals", "list")).isZero();
    assertThat(mapper.readTree(out.toString()).get("approvals")).isEmpty();

    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "list")).isZero();
    assertThat(out.toString()).contains(id).contains("approved");

    assertThat(run("--db", db(), "--tenant", "acme", "--format", "json", "provenance", "--activity",
        "approvals.decide")).isZero();
    assertThat(mapper.readTree(out.toString()).get("events")).hasSize(3);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "decide", "x", "--approve", "--deny")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "decide", "x")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "request", "--subject", "ana")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "request", "--subject", "ghost", "--purpose",
        "profile.share", "--scope", "s")).isEqualTo(2);
    assertThat(err.toString()).contains("no member 'ghost'");
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "request", "--subject", "ana", "--purpose", "*",
        "--scope", "s")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "approvals", "list", "--status", "maybe")).isEqualTo(2);
    assertThat(run("--db", db(), "approvals", "list")).isEqualTo(2);
    assertThat(run("--db", db(), "--tenant", "acme", "approvals")).isEqualTo(2);
  }
}
