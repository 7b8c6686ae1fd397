package io.convener.core.durability;

import static io.convener.core.durability.AcknowledgingChild.ACME;
import static io.convener.core.durability.AcknowledgingChild.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 §3, acknowledged means durable: a child JVM ({@link AcknowledgingChild}) is killed with
 * SIGKILL the moment it has reported an ingest, or a consent grant, as done; every event and every
 * consent it reported is in the store when it is opened again. On SQLite (WAL, synchronous=FULL)
 * and on an H2 file (written at each commit, WRITE_DELAY=0; H2's default of 500 ms lost them).
 */
class AcknowledgedIsDurableTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}, killed after {1}")
  @CsvSource({"jdbc:sqlite:, INGESTED", "jdbc:sqlite:, GRANTED", "jdbc:h2:file:, INGESTED", "jdbc:h2:file:, GRANTED"})
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void whatWasAcknowledgedSurvivesKillNine(String prefix, String killAfter) throws Exception {
    String url = prefix + dir.resolve("store").toAbsolutePath();
    Path keys = dir.resolve("keys");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        AcknowledgingChild.class.getName(), url, keys.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int ingested = -1;
    int granted = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        int i = Integer.parseInt(line.substring(line.indexOf(' ') + 1));
        if (line.startsWith("INGESTED")) {
          ingested = i;
        } else if (line.startsWith("GRANTED")) {
          granted = i;
        }
        if (line.startsWith(killAfter) && i >= 3) {
          child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no flush, no close
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
    }
    assertThat(killAfter.equals("INGESTED") ? ingested : granted).as("acknowledgements before the kill")
        .isGreaterThanOrEqualTo(3);

    assertThat(storedEvents(url)).as("events of the acknowledged batches")
        .isGreaterThanOrEqualTo((ingested + 1L) * AcknowledgingChild.BATCH);
    try (Convener convener = Conveners.builder().database(url).keyDirectory(keys).build()) {
      for (int i = 0; i <= granted; i++) {
        Optional<ConsentRecord> consent =
            convener.consent().current(ADMIN, MemberId.of("m" + i), Purpose.CHAMPION_RECOMMENDATION);
        assertThat(consent).as("acknowledged grant " + i).get().extracting(ConsentRecord::decision)
            .isEqualTo(ConsentDecision.GRANTED);
      }
      assertThat(convener.provenance().verify(ADMIN).verified()).as("the log after the kill").isTrue();
    }
  }

  /** The acknowledged batches' events in the store, counted by id. */
  private static long storedEvents(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM events WHERE tenant_id = ?")) {
      s.setString(1, ACME.value());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
