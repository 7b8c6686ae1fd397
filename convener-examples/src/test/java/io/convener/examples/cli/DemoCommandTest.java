package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo end to end on a small organisation: ingestion, consent and a verified log. */
class DemoCommandTest {
  @Test
  void ingestsTwiceReportsTheBrokenLinesAndEndsWithAVerifiedLog() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = ConvenerCommand.run(
        new String[] {"--db", "jdbc:h2:mem:demo-" + UUID.randomUUID(), "--as-of", "2026-11-27T10:00:00Z",
            "demo", "--members", "40", "--weeks", "2"},
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
        .containsPattern("Provenance log: \\d+ entries, verified");
  }
}
