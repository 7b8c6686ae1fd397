package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The demo end to end on a small organisation: ingestion, consent, a verified log, and the HTML
 * report it writes (self-contained, SVG charts, well-formed, naming nobody who never consented).
 */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void ingestsTwiceReportsTheBrokenLinesAndEndsWithAVerifiedLog() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path report = dir.resolve("demo.html");

    int code = ConvenerCommand.run(
        new String[] {"--db", "jdbc:h2:mem:demo-" + UUID.randomUUID(), "--as-of", "2026-11-27T10:00:00Z",
            "demo", "--members", "40", "--weeks", "2", "--report", report.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("tenant demo-2026-11-27")
        .contains("3 rejected")
        .contains("line ", "actor: required")
        .contains("second run: 0 new events")
        .contains("champion.recommendation")
        .contains("Learning catalyst (shapley model)")
        .contains("Innovation spread")
        .contains("adopted across tenants by demo-2026-11-27-partner under a two-sided sharing agreement")
        .contains("Pulse of every team")
        .contains("Champions and connectors", "Collaborators for team")
        .containsPattern("Provenance log: \\d+ entries, verified")
        .contains("Report written to " + report.toAbsolutePath());
    checkReport(report);
  }

  /** The demo's report: SVG, nothing fetched, no script, well-formed XML, no id of anyone who never consented. */
  private static void checkReport(Path report) throws Exception {
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg", "id=\"pulse\"", "id=\"champions\"", "id=\"network\"", "id=\"spread\"",
        "id=\"learning\"");
    assertThat(html).doesNotContain("src=\"http", "src='http", "<script", "href=\"http", "url(");
    Document doc = GraphCommandTest.parse(report);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isGreaterThanOrEqualTo(4);
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(42).members(40).weeks(2)
        .end(Instant.parse("2026-11-27T00:00:00Z")).build().generate();
    Set<MemberId> consenting = org.events().filter(e -> e.kind() == EventKind.CONSENT).map(e -> e.actor())
        .collect(Collectors.toSet());
    Set<MemberId> never = org.members().stream().map(Member::id).filter(m -> !consenting.contains(m))
        .collect(Collectors.toSet());
    assertThat(never).as("the organisation has members who never consent").isNotEmpty();
    for (MemberId m : never) {
      assertThat(Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(m.value()) + "(?![A-Za-z0-9_.-])")
          .matcher(html).find()).as("%s never consented and must not be named", m.value()).isFalse();
    }
  }
}
