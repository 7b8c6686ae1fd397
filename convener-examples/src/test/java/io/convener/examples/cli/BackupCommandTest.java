package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPO/RTO drill of docs/operations.md through the command line, in small: back up an H2 store
 * after a checkpoint, ingest more and checkpoint again, lose the store, restore into SQLite (after
 * copying the tenant's keyset, which the first attempt names), verify against both checkpoints, and
 * re-ingest both files.
 */
class BackupCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void theDrillRestoresTheFirstCheckpointAndNamesWhatWasLost() throws Exception {
    Path first = events(dir.resolve("first.jsonl"), 0, 300);
    Path second = events(dir.resolve("second.jsonl"), 300, 120);
    String h2 = "jdbc:h2:file:" + dir.resolve("h2/convener");
    String sqlite = "jdbc:sqlite:" + dir.resolve("restored/convener.db");
    Path backup = dir.resolve("acme.zip");

    assertThat(run("--db", h2, "--tenant", "acme", "ingest", first.toString())).as(err.toString()).isZero();
    assertThat(run("--db", h2, "--tenant", "acme", "consent", "grant", "--member", "m1", "--purpose",
        "champion.recommendation")).as(err.toString()).isZero();
    assertThat(run("--db", h2, "--tenant", "acme", "provenance", "--checkpoint")).as(err.toString()).isZero();
    Path checkpoint1 = Files.writeString(dir.resolve("cp1.txt"), out.toString());
    assertThat(run("--db", h2, "--tenant", "acme", "--format", "json", "backup", "--out", backup.toString()))
        .as(err.toString()).isZero();
    JsonNode made = new ObjectMapper().readTree(out.toString());
    assertThat(made.get("events").asLong()).isEqualTo(300);
    assertThat(made.get("checkpoint").asText()).startsWith("convener/acme\n");

    assertThat(run("--db", h2, "--tenant", "acme", "ingest", second.toString())).as(err.toString()).isZero();
    assertThat(run("--db", h2, "--tenant", "acme", "provenance", "--checkpoint")).as(err.toString()).isZero();
    Path checkpoint2 = Files.writeString(dir.resolve("cp2.txt"), out.toString());

    assertThat(run("--db", sqlite, "restore", "--in", backup.toString())).as("without the tenant's keys").isEqualTo(1);
    assertThat(err.toString()).startsWith("convener: restoring tenant 'acme' needs the key provider").contains("acme-")
        .hasLineCount(1);
    Files.createDirectories(dir.resolve("restored/keys"));
    try (var keysets = Files.list(dir.resolve("h2/keys"))) {
      for (Path keyset : keysets.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.copy(keyset, dir.resolve("restored/keys").resolve(keyset.getFileName()));
      }
    }
    assertThat(run("--db", sqlite, "--format", "json", "restore", "--in", backup.toString())).as(err.toString()).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("members").asLong()).isEqualTo(20);

    assertThat(run("--db", sqlite, "--tenant", "acme", "provenance", "--verify", "--against", checkpoint1.toString()))
        .as(err.toString()).isZero();
    assertThat(run("--db", sqlite, "--tenant", "acme", "provenance", "--verify", "--against", checkpoint2.toString()))
        .as("the suffix after the backup is lost").isEqualTo(4);
    assertThat(out + err.toString()).contains("entr");

    assertThat(run("--db", sqlite, "--tenant", "acme", "--format", "json", "ingest", first.toString())).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("duplicates").asLong()).isEqualTo(300);
    assertThat(run("--db", sqlite, "--tenant", "acme", "--format", "json", "ingest", second.toString())).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("accepted").asLong()).as("members and events").isEqualTo(20 + 120);
    assertThat(run("--db", sqlite, "--tenant", "acme", "--format", "json", "consent", "list")).isZero();
    assertThat(out.toString()).contains("m1").contains("champion.recommendation");
  }

  @Test
  void damagedAndForeignFilesExitFourAndWriteNothing() throws Exception {
    String h2 = "jdbc:h2:file:" + dir.resolve("h2/convener");
    assertThat(run("--db", h2, "--tenant", "acme", "ingest", events(dir.resolve("e.jsonl"), 0, 50).toString())).isZero();
    Path backup = dir.resolve("acme.zip");
    assertThat(run("--db", h2, "--tenant", "acme", "backup", "--out", backup.toString())).as(err.toString()).isZero();
    byte[] bytes = Files.readAllBytes(backup);
    Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length - 100));
    String sqlite = "jdbc:sqlite:" + dir.resolve("other.db");

    assertThat(run("--db", sqlite, "restore", "--in", cut.toString())).isEqualTo(4);
    assertThat(err.toString()).startsWith("convener: ").contains("cut short").hasLineCount(1);
    assertThat(run("--db", sqlite, "restore", "--in", dir.resolve("e.jsonl").toString())).isEqualTo(4);
    assertThat(err.toString()).contains("not a Convener backup");
    assertThat(run("--db", sqlite, "--tenant", "acme", "--format", "json", "consent", "list")).isZero();
    assertThat(run("--db", sqlite, "--tenant", "acme", "--format", "json", "ingest", dir.resolve("e.jsonl").toString()))
        .isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("accepted").asLong()).as("nothing was restored").isEqualTo(20 + 50);
  }

  @Test
  void backupNeedsATenantOrAllTenants() {
    assertThat(run("--db", "jdbc:h2:mem:b", "backup", "--out", dir.resolve("x.zip").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--all-tenants");
  }

  static Path events(Path file, int from, int count) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int m = 0; m < 20; m++) {
        w.write("{\"type\":\"member\",\"id\":\"m" + m + "\",\"teams\":[\"t" + m % 2 + "\"],\"displayName\":\"M " + m + "\"}\n");
      }
      for (int i = from; i < from + count; i++) {
        w.write("{\"id\":\"e" + i + "\",\"at\":\"2026-01-" + String.format("%02d", 1 + i % 28)
            + "T09:00:00Z\",\"kind\":\"message\",\"actor\":\"m" + i % 20 + "\",\"targets\":[\"m" + (i * 7 + 3) % 20
            + "\"],\"team\":\"t" + i % 2 + "\"}\n");
      }
    }
    return file;
  }
}
