package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: an ingest killed with SIGKILL in the middle of a batch, then run again, leaves exactly
 * the file's unique events, on every supported file database. The killed ingest runs in a child
 * JVM ({@link CommittedCountIngest}) that reports committed rows; it is killed once a third of the
 * events are committed, while the next batches are being written. The same command is then run
 * again to completion in a fresh JVM. On H2 an earlier version hung there at full CPU on the
 * killed transaction's leftovers; if a re-run reports a damaged database, {@code convener repair}
 * must make the next re-run exact.
 */
class KillNineIngestTest {
  static final int MEMBERS = 200;
  static final int EVENTS = 60_000;
  static final int REPEATS = 600;
  static final String TENANT = "bigco";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "h2"})
  void reRunAfterKillNineStoresExactlyTheUniqueEvents(String db) throws Exception {
    long seed = System.nanoTime();
    System.out.println("KillNineIngestTest seed " + seed);
    Path file = generate(dir.resolve("big.jsonl"), new Random(seed));
    String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("h2/h") : "jdbc:sqlite:" + dir.resolve("c.db");

    long committed = ingestAndKill(url, file, EVENTS / 3);
    assertThat(committed).isBetween((long) EVENTS / 3, (long) EVENTS - 1);

    Result again = convener(60, "--db", url, "--tenant", TENANT, "ingest", file.toString());
    System.out.println("KillNineIngestTest " + db + ": killed at " + committed + " committed events; re-run exit "
        + again.code);
    if (again.code != 0 && db.equals("h2") && again.err.contains("convener repair")) {
      System.out.println("KillNineIngestTest " + db + ": repairing");
      Result repaired = convener(60, "--db", url, "repair");
      assertThat(repaired.code).as(repaired.err).isZero();
      again = convener(60, "--db", url, "--tenant", TENANT, "ingest", file.toString());
    }
    assertThat(again.code).as(again.err).isZero();
    assertThat(counts(url)).as("rows in the events table, the tenant's event counter")
        .containsExactly((long) EVENTS, (long) EVENTS);
  }

  /** Members, then EVENTS unique events with REPEATS repeated ids among them. */
  static Path generate(Path file, Random random) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int m = 0; m < MEMBERS; m++) {
        w.write("{\"type\":\"member\",\"id\":\"m" + m + "\",\"teams\":[\"t" + m % 10 + "\"]}\n");
      }
      int repeated = 0;
      for (int i = 0; i < EVENTS; i++) {
        w.write(event(i, random));
        if (repeated < REPEATS && random.nextInt(EVENTS / REPEATS) == 0) {
          w.write(event(random.nextInt(i + 1), random));
          repeated++;
        }
      }
    }
    return file;
  }

  private static String event(int id, Random random) {
    int actor = random.nextInt(MEMBERS);
    return "{\"id\":\"e" + id + "\",\"at\":\"2026-0" + (1 + id % 9) + "-1" + id % 9 + "T10:" + String.format("%02d", id % 60)
        + ":00Z\",\"kind\":\"message\",\"actor\":\"m" + actor + "\",\"targets\":[\"m" + random.nextInt(MEMBERS)
        + "\"],\"team\":\"t" + actor % 10 + "\"}\n";
  }

  /** Starts the ingest in a child JVM and kills it with SIGKILL once {@code atLeast} events are committed. */
  private long ingestAndKill(String url, Path file, long atLeast) throws Exception {
    Process child = java(CommittedCountIngest.class.getName(), url, TENANT,
        "--db", url, "--tenant", TENANT, "ingest", file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long committed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; committed < atLeast && (line = out.readLine()) != null; ) {
        if (line.startsWith("committed ")) {
          committed = Long.parseLong(line.substring("committed ".length()));
        }
      }
    } finally {
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close
      child.waitFor(10, TimeUnit.SECONDS);
    }
    return committed;
  }

  /** The outcome of a child {@code convener} run. */
  record Result(int code, String err) {}

  /** Runs {@code convener ARGS...} in a child JVM; a run that outlasts {@code seconds} fails the test. */
  private Result convener(int seconds, String... args) throws Exception {
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process child = java(ConvenerCommand.class.getName(), args)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    if (!child.waitFor(seconds, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("convener " + String.join(" ", args) + " did not finish within " + seconds
          + " s (the store is wedged); stderr ends: " + tail(Files.readString(err)));
    }
    return new Result(child.exitValue(), Files.readString(err));
  }

  private ProcessBuilder java(String main, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile());
  }

  /** Rows of the tenant in the events table, and the tenant's event counter. */
  private static List<Long> counts(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      List<Long> counts = new ArrayList<>();
      for (String sql : List.of(
          "SELECT COUNT(*) FROM events WHERE tenant_id = '" + TENANT + "'",
          "SELECT event_count FROM tenants WHERE tenant_id = '" + TENANT + "'")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          counts.add(rs.next() ? rs.getLong(1) : -1);
        }
      }
      return counts;
    }
  }

  private static String tail(String text) {
    return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
  }
}
