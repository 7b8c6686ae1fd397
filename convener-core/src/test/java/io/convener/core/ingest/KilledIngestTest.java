package io.convener.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.ProvenanceStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 §3: an ingestion killed with SIGKILL in the middle leaves every event it committed
 * accounted for by an {@code ingest.batch} entry, and the log, coverage included, verifies. The
 * ingestion runs in a child JVM ({@link KilledIngestChild}) on a database file; this test kills it
 * once the store holds some events, then opens the file again.
 */
class KilledIngestTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final long TOTAL = 1_000_000;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite:", "jdbc:h2:file:"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everyEventAKilledIngestCommittedIsCoveredByABatchEntry(String prefix) throws Exception {
    String url = prefix + dir.resolve("killed").toAbsolutePath();
    Path keys = dir.resolve("keys");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        KilledIngestChild.class.getName(), url, keys.toString(), Long.toString(TOTAL))
        .redirectErrorStream(true).start();
    List<String> said = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        said.add(line);
        if (line.equals("COMMITTED")) {
          child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no rollback, no flush
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
    }
    assertThat(said).as("the child's output").contains("COMMITTED").doesNotContain("FINISHED");

    Injector injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withKeyDirectory(keys)), new JdbcStorageModule(JdbcSettings.of(url)));
    Convener convener = injector.getInstance(Convener.class);
    convener.start();
    try {
      long stored = injector.getInstance(EventStore.class).count(ACME, EventQuery.all());
      List<ProvenanceEntry> entries = new ArrayList<>();
      for (ProvenanceRow row : injector.getInstance(ProvenanceStore.class).range(ACME, 0, 100_000)) {
        entries.add(row.entry());
      }
      long accounted = entries.stream()
          .filter(e -> e.activity().equals(BatchCounts.ACTIVITY))
          .flatMap(e -> e.generated().stream())
          .mapToLong(g -> BatchCounts.parse(g).orElseThrow().events())
          .sum();

      // H2 may lose the last commits before a kill (its write delay): rows and entry alike, as one transaction.
      assertThat(stored).as("events committed before the kill").isBetween(1L, TOTAL - 1);
      assertThat(accounted).as("events the batch entries account for").isEqualTo(stored);
      assertThat(entries).extracting(ProvenanceEntry::activity).as("the call itself never ended").doesNotContain("ingest");

      VerificationResult result = convener.provenance().verify(Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER));
      assertThat(result).isEqualTo(VerificationResult.ok(entries.size()));
    } finally {
      convener.close();
    }
  }
}
