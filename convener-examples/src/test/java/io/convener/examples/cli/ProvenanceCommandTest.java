package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.provenance.Sha256Hash;
import io.convener.core.internal.merkle.MerkleAccumulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code convener provenance} as an operator drives it, and the tamper matrix: the stored log is
 * changed directly in SQL, on H2 and SQLite, and {@code provenance --verify} must exit 4 and name
 * the first bad entry; an untouched log verifies.
 */
class ProvenanceCommandTest {
  static final String FIRST =
      """
      {"type":"member","id":"ana","teams":["core"]}
      {"id":"e1","at":"2026-11-02T09:00:00Z","kind":"message","actor":"ana","team":"core"}
      {"id":"e2","at":"2026-11-02T09:05:00Z","kind":"reply","actor":"bo","targets":["ana"],"refs":["e1"]}
      """;
  static final String SECOND =
      """
      {"id":"e3","at":"2026-11-02T10:00:00Z","kind":"mention","actor":"ana","targets":["bo"]}
      """;

  /** How the log is tampered with, and the first bad entry verification must name. */
  enum Tamper {
    NONE(-1),
    CHANGE_A_FIELD(2),
    DELETE_AN_ENTRY(1),
    SWAP_TWO_ENTRIES(1),
    INSERT_AN_ENTRY(3),
    APPEND_A_FORGED_ENTRY(13),
    TRUNCATE_THE_TAIL(3);

    final long firstBad;

    Tamper(long firstBad) {
      this.firstBad = firstBad;
    }
  }

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String url(String db) {
    return db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("h2db") : "jdbc:sqlite:" + dir.resolve("c.db");
  }

  /**
   * Entries 0-7 ingest (0, 1 the batches of the first call and 2 the call; 3, 4 the second; 5, 6
   * and 7 the third), 8 lists the log, 9 signs a checkpoint of entries 0-8 (saved to a file), 10
   * and 11 ingest, 12 verifies: thirteen entries, the last checkpoint at size 9.
   */
  private Path buildLog(String url) throws Exception {
    Path first = Files.writeString(dir.resolve("first.jsonl"), FIRST);
    Path second = Files.writeString(dir.resolve("second.jsonl"), SECOND);
    assertThat(run("--db", url, "--tenant", "acme", "ingest", first.toString())).as(err.toString()).isZero();
    assertThat(run("--db", url, "--tenant", "acme", "ingest", second.toString())).as(err.toString()).isZero();
    assertThat(run("--db", url, "--tenant", "acme", "ingest", first.toString())).as(err.toString()).isZero();
    assertThat(run("--db", url, "--tenant", "acme", "provenance")).as(err.toString()).isZero();
    assertThat(run("--db", url, "--tenant", "acme", "provenance", "--checkpoint")).as(err.toString()).isZero();
    Path saved = Files.writeString(dir.resolve("checkpoint.txt"), out.toString());
    assertThat(run("--db", url, "--tenant", "acme", "ingest", second.toString())).as(err.toString()).isZero();
    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--verify"))
        .as(err.toString()).isZero();
    return saved;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (String db : List.of("h2", "sqlite")) {
      for (Tamper t : Tamper.values()) {
        cases.add(Arguments.of(db, t));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("matrix")
  void verifyExitsFourAndNamesTheFirstBadEntryOfATamperedLog(String db, Tamper tamper) throws Exception {
    String url = url(db);
    Path saved = buildLog(url);

    tamper(url, db, tamper);

    int code = run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--verify", "--against", saved.toString());
    JsonNode result = new ObjectMapper().readTree(out.toString());
    if (tamper == Tamper.NONE) {
      assertThat(code).as(err.toString()).isZero();
      assertThat(result.get("verified").asBoolean()).isTrue();
      assertThat(result.get("entries").asLong()).isEqualTo(13);
      assertThat(result.has("firstBadEntry")).isFalse();
      return;
    }
    assertThat(code).as(out + "\n" + err).isEqualTo(4);
    assertThat(result.get("verified").asBoolean()).isFalse();
    assertThat(result.get("firstBadEntry").asLong()).as(result.toString()).isEqualTo(tamper.firstBad);
    assertThat(err.toString()).contains("entry " + tamper.firstBad);
    if (tamper != Tamper.TRUNCATE_THE_TAIL) {
      // Without the saved checkpoint too: the log itself shows the tampering.
      assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--verify")).isEqualTo(4);
      assertThat(new ObjectMapper().readTree(out.toString()).get("firstBadEntry").asLong()).isEqualTo(tamper.firstBad);
    } else {
      // The truncation was made consistent and the stored checkpoints deleted: the log alone verifies,
      // but the event the removed entries accounted for is still stored, and coverage finds it.
      assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--verify")).isEqualTo(4);
      JsonNode alone = new ObjectMapper().readTree(out.toString());
      assertThat(alone.has("firstBadEntry")).isFalse();
      assertThat(alone.get("reason").asText()).contains("1 stored events are covered by no entry");
    }
  }

  private static void tamper(String url, String db, Tamper tamper) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(db.equals("h2") ? "SET REFERENTIAL_INTEGRITY FALSE" : "PRAGMA foreign_keys = OFF");
      switch (tamper) {
        case NONE -> { }
        case CHANGE_A_FIELD ->
            s.executeUpdate("UPDATE provenance_entries SET activity = 'provenance.query' WHERE tenant_id = 'acme' AND seq = 2");
        case DELETE_AN_ENTRY -> {
          for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
            s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = 'acme' AND seq = 1");
          }
        }
        case SWAP_TWO_ENTRIES -> {
          for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
            s.executeUpdate("UPDATE " + table + " SET seq = -1 WHERE tenant_id = 'acme' AND seq = 1");
            s.executeUpdate("UPDATE " + table + " SET seq = 1 WHERE tenant_id = 'acme' AND seq = 2");
            s.executeUpdate("UPDATE " + table + " SET seq = 2 WHERE tenant_id = 'acme' AND seq = -1");
          }
        }
        case INSERT_AN_ENTRY -> {
          for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
            s.executeUpdate("UPDATE " + table + " SET seq = seq + 1000 WHERE tenant_id = 'acme' AND seq >= 3");
            s.executeUpdate("UPDATE " + table + " SET seq = seq - 999 WHERE tenant_id = 'acme' AND seq >= 1000");
          }
          s.executeUpdate(copyOf(2, 3));
        }
        case APPEND_A_FORGED_ENTRY -> s.executeUpdate(copyOf(12, 13));
        case TRUNCATE_THE_TAIL -> truncateConsistently(c, s);
      }
    }
  }

  private static String copyOf(long from, long to) {
    return "INSERT INTO provenance_entries (tenant_id, seq, at, activity, agent_kind, agent_id, agent_roles,"
        + " input_digest, outcome, outcome_code, outcome_reason, caused_by, leaf_hash, root_after)"
        + " SELECT tenant_id, " + to + ", at, activity, agent_kind, agent_id, agent_roles, input_digest, outcome,"
        + " outcome_code, outcome_reason, caused_by, leaf_hash, root_after FROM provenance_entries"
        + " WHERE tenant_id = 'acme' AND seq = " + from;
  }

  /**
   * Drops entries 3 on and covers the traces like an attacker who knows the format: the head is
   * recomputed over what is left (size, root, frontier) and the stored checkpoints are deleted.
   */
  private static void truncateConsistently(Connection c, Statement s) throws SQLException {
    for (String table : List.of("provenance_used", "provenance_generated", "provenance_entries")) {
      s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = 'acme' AND seq >= 3");
    }
    s.executeUpdate("DELETE FROM provenance_checkpoints WHERE tenant_id = 'acme'");
    MerkleAccumulator tree = new MerkleAccumulator();
    long lastAt = 0;
    try (ResultSet rs = s.executeQuery(
        "SELECT leaf_hash, at FROM provenance_entries WHERE tenant_id = 'acme' ORDER BY seq")) {
      while (rs.next()) {
        tree.append(Sha256Hash.fromHex(rs.getString(1)).bytes());
        lastAt = rs.getLong(2);
      }
    }
    StringJoiner frontier = new StringJoiner(",");
    tree.frontier().forEach(h -> frontier.add(h.hex()));
    try (var update = c.prepareStatement(
        "UPDATE provenance_heads SET tree_size = ?, root_hash = ?, frontier = ?, last_at = ? WHERE tenant_id = 'acme'")) {
      update.setLong(1, tree.size());
      update.setString(2, tree.rootHash().hex());
      update.setString(3, frontier.toString());
      update.setLong(4, lastAt);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite"})
  void listsEveryCallInOrderAndFilters(String db) throws Exception {
    String url = url(db);
    buildLog(url);

    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance")).as(err.toString()).isZero();
    JsonNode events = new ObjectMapper().readTree(out.toString()).get("events");
    assertThat(events).hasSize(13);
    List<String> activities = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("provenanceId").asLong()).isEqualTo(i);
      activities.add(events.get(i).get("activity").asText());
    }
    assertThat(activities).containsExactly("ingest.batch", "ingest.batch", "ingest", "ingest.batch", "ingest",
        "ingest.batch", "ingest.batch", "ingest", "provenance.query", "provenance.checkpoint", "ingest.batch", "ingest",
        "provenance.verify");
    assertThat(events.get(1).get("generated").get(0).asText())
        .isEqualTo("ingest-batch:1:members=0,upserted=0,events=2,duplicates=0,consent-events=0");
    assertThat(events.get(1).get("causedBy").asLong()).isZero();
    JsonNode ingest = events.get(2);
    assertThat(ingest.get("agent").get("id").asText()).isEqualTo("cli");
    assertThat(ingest.get("outcome").get("status").asText()).isEqualTo("ok");
    assertThat(ingest.get("generated").get(0).asText()).isEqualTo("ingest-summary:members=1,events=2,duplicates=0,rejected=0");
    String input = ingest.get("used").get(0).asText();
    assertThat(input).startsWith("input:sha256:");

    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--entity", input)).isZero();
    JsonNode sameInput = new ObjectMapper().readTree(out.toString()).get("events");
    assertThat(sameInput).extracting(e -> e.get("provenanceId").asLong()).containsExactly(2L, 7L);
    String run = ingest.get("used").get(1).asText();
    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--entity", run)).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("events"))
        .as("the call's entry and its batches' share the run").extracting(e -> e.get("provenanceId").asLong())
        .containsExactly(0L, 1L, 2L);

    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--activity", "provenance.verify",
        "--since", ingest.get("at").asText())).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("events")).hasSize(1);

    assertThat(run("--db", url, "--tenant", "globex", "--format", "json", "provenance")).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("events")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite"})
  void aCheckpointOfAnotherTenantOrAnotherKeyDoesNotVerify(String db) throws Exception {
    String url = url(db);
    Path saved = buildLog(url);

    int code = run("--db", url, "--tenant", "globex", "provenance", "--verify", "--against", saved.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("tenant boundary");

    String forged = Files.readString(saved).replaceFirst("\n9\n", "\n8\n");
    Path edited = Files.writeString(dir.resolve("edited.txt"), forged);
    assertThat(run("--db", url, "--tenant", "acme", "--format", "json", "provenance", "--verify", "--against",
        edited.toString())).isEqualTo(4);
    assertThat(new ObjectMapper().readTree(out.toString()).get("reason").asText()).contains("signature");
  }
}
