package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.convener.http.json.PulseShapes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables are aligned with counts as integers; {@code --format csv} prints a header and one row per
 * item, quoting values with a comma ({@code lee, ann}) so a CSV reader gets them back whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableOutputTest {
  static final String LEE = "lee, ann";
  static final String DATA = """
      {"type":"member","id":"ana","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"bo","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"cy","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"dee","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"eve","teams":["core"],"org":"eng/core"}
      {"type":"member","id":"lee, ann","teams":["core"],"org":"eng/core","skills":["kafka"]}
      {"type":"member","id":"fox","teams":["web"],"org":"eng/web"}
      {"type":"member","id":"gus","teams":["web"],"org":"eng/web"}
      {"type":"member","id":"hal","teams":["web"],"org":"eng/web"}
      {"type":"member","id":"ivy","teams":["web"],"org":"eng/web"}
      {"type":"member","id":"jo","teams":["web"],"org":"eng/web"}
      {"id":"e1","at":"2026-10-20T09:00:00Z","kind":"reply","actor":"ana","targets":["lee, ann"],"team":"core"}
      {"id":"e2","at":"2026-10-20T09:05:00Z","kind":"reply","actor":"lee, ann","targets":["bo"],"team":"core"}
      {"id":"e3","at":"2026-10-20T09:10:00Z","kind":"reply","actor":"bo","targets":["cy"],"team":"core"}
      {"id":"e4","at":"2026-10-21T09:00:00Z","kind":"reply","actor":"cy","targets":["dee"],"team":"core"}
      {"id":"e5","at":"2026-10-21T09:05:00Z","kind":"reply","actor":"dee","targets":["eve"],"team":"core"}
      {"id":"e6","at":"2026-10-21T09:10:00Z","kind":"message","actor":"eve","team":"core","tags":["kafka"]}
      {"id":"e7","at":"2026-10-22T09:00:00Z","kind":"message","actor":"lee, ann","team":"core","tags":["kafka"]}
      {"id":"e8","at":"2026-10-22T10:00:00Z","kind":"reply","actor":"fox","targets":["lee, ann"],"team":"web"}
      {"id":"l1","at":"2026-10-02T09:00:00Z","kind":"learning","actor":"lee, ann","team":"core","tags":["caching"]}
      {"id":"a1","at":"2026-10-05T09:00:00Z","kind":"applied","actor":"bo","team":"core","refs":["l1"]}
      {"id":"o1","at":"2026-10-08T09:00:00Z","kind":"outcome","actor":"cy","team":"core","refs":["a1"],"attrs":{"value":2}}
      {"id":"i1","at":"2026-10-03T09:00:00Z","kind":"innovation","actor":"fox","team":"web"}
      {"id":"ad1","at":"2026-10-06T09:00:00Z","kind":"adoption","actor":"lee, ann","team":"core","refs":["i1"],"attrs":{"fromTeam":"web"}}
      """;

  @TempDir static Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db"), "--tenant", "acme",
        "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String consent(String member, String purpose) {
    return "{\"id\":\"c-" + purpose + "-" + member + "\",\"at\":\"2026-10-01T00:00:00Z\",\"kind\":\"consent\","
        + "\"actor\":\"" + member + "\",\"attrs\":{\"purpose\":\"" + purpose + "\",\"decision\":\"granted\"}}\n";
  }

  @BeforeAll
  void ingest() throws Exception {
    StringBuilder data = new StringBuilder(DATA);
    for (String member : List.of("ana", "bo", "cy", "dee", "eve", LEE, "fox")) {
      data.append(consent(member, "champion.recommendation"));
    }
    data.append(consent(LEE, "learning.attribution")).append(consent(LEE, "innovation.attribution"));
    Path file = Files.writeString(dir.resolve("data.jsonl"), data);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  /** Runs a command with {@code --format csv}, expects exit 0, and returns the rows Jackson's CSV parser reads. */
  List<List<String>> csvOf(String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of("--format", "csv"));
    args.addAll(List.of(command));
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(out.toString())) {
      return rows.readAll();
    }
  }

  /** The header line starting with {@code header} and the {@code rows} after it, checked to be of one width. */
  private List<String> table(String header, int rows) {
    List<String> lines = out.toString().lines().toList();
    int first = 0;
    while (!lines.get(first).strip().startsWith(header)) {
      first++;
    }
    List<String> table = lines.subList(first, first + 1 + rows);
    assertThat(table).as("aligned").allSatisfy(l -> assertThat(l).hasSize(table.get(0).length()));
    return table;
  }

  @Test
  void tablesAreAlignedWithCountsAsIntegersAndNoNegativeZero() {
    assertThat(run("pulse", "--team", "core")).as(err.toString()).isZero();
    List<String> pulse = table("metric", PulseShapes.METRICS.size());
    assertThat(pulse).anySatisfy(l -> assertThat(l).matches("\\s+members\\s+6\\s+[-0-9]+\\s+[-0-9]+"))
        .anySatisfy(l -> assertThat(l).matches("\\s+participationRate\\s+\\d\\.\\d\\d\\s+.*"));
    assertThat(out.toString()).doesNotContain("-0.00").doesNotContain("6.00");

    assertThat(run("metrics")).as(err.toString()).isZero();
    assertThat(table("member", 7)).anySatisfy(l -> assertThat(l).matches("lee, ann\\s+3\\s+3\\.000 .*"));
    assertThat(run("champions")).as(err.toString()).isZero();
    assertThat(table("rank", 7)).anySatisfy(l -> assertThat(l).matches("\\s+1  lee, ann\\s+0\\.\\d{3}  .*"));
  }

  @Test
  void metricsHasAHeaderWithPagerankAndOneRowPerConsentingMember() throws Exception {
    List<List<String>> rows = csvOf("metrics");
    assertThat(rows.get(0)).startsWith("member", "degree", "strength", "pagerank");
    assertThat(rows).as("the members with ties in the window").hasSize(1 + 7);
    assertThat(out.toString()).contains("\"lee, ann\",3,3,").doesNotContain("modularity");
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(LEE, "3", "3"));
    assertThat(run("metrics", "--format", "csv")).as("the option after the command").isZero();
    assertThat(out.toString()).startsWith("member,degree,strength,pagerank,");
  }

  @Test
  void championsQuotesTheMemberAndTheRoles() throws Exception {
    List<List<String>> rows = csvOf("champions", "--limit", "3");
    assertThat(rows.get(0)).startsWith("rank", "member", "score", "roles", "persona").contains("influence");
    assertThat(rows).hasSize(1 + 3);
    assertThat(rows.get(1)).startsWith("1", LEE).contains("champion,connector");
    assertThat(out.toString()).contains("1,\"lee, ann\",").contains("\"champion,connector\"");
  }

  @Test
  void collaboratorsQuotesTheReasons() throws Exception {
    List<List<String>> rows = csvOf("collaborators", "--team", "web", "--skills", "kafka");
    assertThat(rows.get(0)).containsExactly("member", "score", "reasons");
    assertThat(rows).hasSize(1 + 2);
    assertThat(rows.get(1).get(0)).isEqualTo(LEE);
    assertThat(rows.get(1).get(2)).startsWith("skill kafka: declared, 1 tagged events; ");
  }

  @Test
  void pulseHasOneRowPerMetricWithCountsAsIntegers() throws Exception {
    List<List<String>> rows = csvOf("pulse", "--team", "core");
    assertThat(rows.get(0)).containsExactly("metric", "window", "baseline", "change");
    assertThat(rows).hasSize(1 + PulseShapes.METRICS.size());
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("members", "6"));
    assertThat(out.toString()).doesNotContain("Pulse of", "-0");
  }

  @Test
  void aPulseSeriesHasOneRowPerWindow() throws Exception {
    List<List<String>> rows = csvOf("pulse", "--team", "core", "--series", "3");
    assertThat(rows.get(0)).startsWith("asOf", "activeMembers").endsWith("risks", "suppressed");
    assertThat(rows).hasSize(1 + 3);
    assertThat(rows.get(3).get(0)).isEqualTo("2026-11-01T00:00:00Z");
  }

  @Test
  void aProjectedSeriesPrintsOneRowPerMetricInCsvAndBothTablesAsText() throws Exception {
    List<List<String>> rows = csvOf("pulse", "--team", "core", "--series", "6", "--project");
    assertThat(rows.get(0)).containsExactly("metric", "asOf", "value", "low", "high", "low95", "high95", "points", "note");
    List<String> active = rows.stream().filter(r -> r.get(0).equals("activeMembers")).findFirst().orElseThrow();
    assertThat(active.get(1)).isEqualTo("2026-11-08T00:00:00Z");
    assertThat(active.get(7)).isEqualTo("6");
    assertThat(active.get(8)).isEmpty();
    assertThat(run("pulse", "--team", "core", "--series", "3", "--project")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Projection to 2026-11-08T00:00:00Z (holt-linear", "needs 4 shown values, has 3");
    assertThat(run("pulse", "--team", "core", "--project")).isEqualTo(2);
    assertThat(err.toString()).contains("--project needs --series");
  }

  @Test
  void consentListQuotesTheMember() throws Exception {
    List<List<String>> rows = csvOf("consent", "list", "--member", LEE);
    assertThat(rows.get(0)).startsWith("at", "member", "purpose", "decision");
    assertThat(rows).hasSize(1 + 3);
    assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(LEE));
  }

  @Test
  void learningQuotesTheContributorAndTheEvidence() throws Exception {
    List<List<String>> rows = csvOf("learning", "attribute");
    assertThat(rows.get(0)).startsWith("outcome", "model", "member", "share");
    assertThat(rows).hasSize(1 + 1);
    assertThat(rows.get(1)).startsWith("o1", "shapley", LEE, "1", "explicit-ref");
    assertThat(rows.get(1).get(5)).contains("a1, which");
  }

  @Test
  void innovationSpreadHasOneRowPerAdoption() throws Exception {
    List<List<String>> rows = csvOf("innovation", "spread", "i1");
    assertThat(rows.get(0)).startsWith("node", "at", "depth", "adopter", "team");
    assertThat(rows).hasSize(1 + 1);
    assertThat(rows.get(1)).startsWith("ad1", "2026-10-06T09:00:00Z", "1", LEE, "core");
    assertThat(out.toString()).doesNotContain("Innovation i1", "withheld");
  }

  @Test
  void approvalsQuoteTheScope() throws Exception {
    List<List<String>> requested = csvOf("approvals", "request", "--subject", LEE, "--purpose", "profile.share",
        "--scope", "name, email");
    assertThat(requested.get(0)).containsExactly("id", "status", "purpose", "subject", "requester", "expires", "scope");
    assertThat(requested).hasSize(1 + 1);
    assertThat(requested.get(1)).contains("pending", LEE, "name, email");
    List<List<String>> listed = csvOf("approvals", "list");
    assertThat(listed.get(0)).isEqualTo(requested.get(0));
    assertThat(listed).contains(requested.get(1));
  }

  @Test
  void provenanceListsEntriesWithTheirEntities() throws Exception {
    assertThat(run("consent", "revoke", "--member", LEE, "--purpose", "profile.share")).as(err.toString()).isZero();
    List<List<String>> rows = csvOf("provenance", "--activity", "consent.revoke");
    assertThat(rows.get(0)).startsWith("sequence", "at", "activity", "agent", "status");
    assertThat(rows).hasSize(1 + 1);
    assertThat(rows.get(1)).contains("consent.revoke", "cli", "ok", "member:" + LEE);
    assertThat(run("--format", "csv", "provenance", "--verify")).isEqualTo(2);
    assertThat(err.toString()).contains("--verify").hasLineCount(1);
  }

  @Test
  void watchersAndAgreementsAndCandidatesPrintTheirHeaderEvenWhenEmpty() throws Exception {
    assertThat(csvOf("watchers", "list")).containsExactly(List.of("scope", "member"));
    assertThat(csvOf("innovation", "agreements")).containsExactly(List.of("direction", "counterpart", "recordedBy",
        "recordedAt"));
    assertThat(csvOf("innovation", "candidates")).containsExactly(List.of("tag", "originTeam", "firstSeen", "teams",
        "adopters", "confirmedAs"));
    List<List<String>> shared = csvOf("innovation", "share", "--with", "globex");
    assertThat(shared).hasSize(2);
    assertThat(shared.get(1)).startsWith("share with", "globex", "cli");
  }

  @Test
  void watchersHaveOneRowPerScopeAndMember() throws Exception {
    assertThat(run("watchers", "add", "--team", "core", "--member", "ana,bo")).as(err.toString()).isZero();
    try {
      assertThat(csvOf("watchers", "list"))
          .containsExactly(List.of("scope", "member"), List.of("team:core", "ana"), List.of("team:core", "bo"));
    } finally {
      assertThat(run("watchers", "remove", "--team", "core", "--member", "ana,bo")).isZero();
    }
  }

  @Test
  void commandsThatPrintNoTableRefuseCsv() {
    assertThat(run("--format", "csv", "innovation", "detection")).isEqualTo(2);
    assertThat(err.toString()).contains("--format", "innovation detection", "no table").hasLineCount(1);
    assertThat(run("--format", "csv", "settings", "pulse")).isEqualTo(2);
    assertThat(run("--format", "csv", "ingest", "--help")).as("help is never refused").isZero();
  }
}
