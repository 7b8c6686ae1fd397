package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: two {@code convener ingest} processes into one SQLite file at once both succeed, and
 * quietly: the second waits for the write lock or retries, and prints no {@code SQLITE_BUSY}
 * traces (an earlier version printed about 330 lines of them).
 */
class ConcurrentSqliteIngestTest {
  @TempDir Path dir;

  @Test
  void twoIngestsAtOnceBothFinishWithoutTraces() throws Exception {
    long seed = System.nanoTime();
    System.out.println("ConcurrentSqliteIngestTest seed " + seed);
    Path file = KillNineIngestTest.generate(dir.resolve("big.jsonl"), new Random(seed));
    String url = "jdbc:sqlite:" + dir.resolve("c.db");
    List<Process> children = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (String tenant : List.of("alpha", "beta")) {
      Path err = dir.resolve(tenant + ".err");
      errs.add(err);
      children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-cp", System.getProperty("java.class.path"), ConvenerCommand.class.getName(),
          "--db", url, "--tenant", tenant, "ingest", file.toString())
          .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start());
    }
    for (int i = 0; i < children.size(); i++) {
      Process child = children.get(i);
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
      String err = Files.readString(errs.get(i));
      assertThat(child.exitValue()).as(err).isZero();
      assertThat(err).doesNotContain("SQLITE_BUSY").doesNotContain("database is locked").doesNotContain("\tat ");
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT tenant_id, event_count FROM tenants ORDER BY tenant_id")) {
      for (String tenant : List.of("alpha", "beta")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(tenant);
        assertThat(rs.getLong(2)).isEqualTo(KillNineIngestTest.EVENTS);
      }
    }
  }
}
