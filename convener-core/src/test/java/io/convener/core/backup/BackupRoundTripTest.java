package io.convener.core.backup;

import static io.convener.core.backup.BackupFixture.ACME;
import static io.convener.core.backup.BackupFixture.ADMIN;
import static io.convener.core.backup.BackupFixture.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.RestoreReport;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.ingest.IngestReport;
import io.convener.api.profile.Profile;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant backed up from one database and restored into another (H2 to SQLite to PostgreSQL and
 * back to H2; PostgreSQL is skipped when CONVENER_PG_URL is not set) holds the same rows, decrypts
 * its personal data with the same keys, ranks the same champions, reports the same pulse, verifies
 * its log against the backup's checkpoint, and takes a re-ingest of the same file as duplicates.
 */
class BackupRoundTripTest {
  @TempDir Path dir;

  static Stream<Arguments> pairs() {
    return Stream.of(Arguments.of(BackupStore.H2_FILE, BackupStore.SQLITE),
        Arguments.of(BackupStore.SQLITE, BackupStore.POSTGRESQL),
        Arguments.of(BackupStore.POSTGRESQL, BackupStore.H2_FILE));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("pairs")
  void aRestoredTenantIsTheTenantThatWasBackedUp(BackupStore from, BackupStore to) throws Exception {
    long seed = System.nanoTime();
    System.out.println("BackupRoundTripTest seed " + seed);
    Path keys = dir.resolve("keys");
    Path data = BackupFixture.write(dir.resolve("org.jsonl"), seed, 600);
    JdbcSettings source = from.settings(Files.createDirectories(dir.resolve("source")));
    JdbcSettings target = to.settings(Files.createDirectories(dir.resolve("target")));
    Path backup = dir.resolve("acme.zip");
    Path again = dir.resolve("again.zip");
    try (Convener a = BackupFixture.open(source, keys); Convener b = BackupFixture.open(target, keys)) {
      BackupFixture.populate(a, data);
      BackupManifest manifest = a.backups().write(BackupRequest.of(ACME), backup);
      Checkpoint checkpoint = manifest.tenant(ACME).orElseThrow().checkpoint().orElseThrow();
      assertThat(manifest.tenant(ACME).orElseThrow().rows("events")).isEqualTo(600);
      assertThat(manifest.tenant(ACME).orElseThrow().keyEncryptionKeyIds()).isNotEmpty();

      RestoreReport report = b.backups().restore(backup);
      assertThat(report.tenants()).singleElement().satisfies(r -> {
        assertThat(r.verification().verified()).isTrue();
        assertThat(r.rows("members")).isEqualTo(BackupFixture.MEMBERS);
      });
      assertThat(b.provenance().verify(ADMIN, checkpoint).verified()).as("the restored log extends the checkpoint").isTrue();

      b.backups().write(BackupRequest.of(ACME), again);
      sameRows(BackupFixture.parts(backup, ACME), BackupFixture.parts(again, ACME));
      sameAnswers(a, b);

      IngestReport reingest = b.ingest().file(ADMIN, data);
      assertThat(reingest.events()).as("events new to the restored store").isZero();
      assertThat(reingest.duplicates()).isEqualTo(600);
    } finally {
      from.dispose(source);
      to.dispose(target);
    }
  }

  /** Every table equal, but the log: the restore's verification added entries to it. */
  private static void sameRows(Map<String, List<String>> before, Map<String, List<String>> after) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    Set<String> grown = Set.of("provenance_heads", "provenance_entries", "provenance_agents", "provenance_entities",
        "provenance_used", "provenance_generated", "tenants");
    before.forEach((table, lines) -> {
      if (grown.contains(table)) {
        assertThat(after.get(table).get(0)).as("columns of " + table).isEqualTo(lines.get(0));
        if (!table.equals("provenance_heads") && !table.equals("tenants")) {
          assertThat(after.get(table)).as("rows of " + table).containsAll(lines);
        }
      } else {
        assertThat(after.get(table)).as("rows of " + table).isEqualTo(lines);
      }
    });
    assertThat(after.get("events")).hasSize(601);
  }

  private static void sameAnswers(Convener a, Convener b) {
    ChampionQuery query = ChampionQuery.builder().asOf(AS_OF).build();
    ChampionRanking ra = a.champions().rank(ADMIN, query);
    ChampionRanking rb = b.champions().rank(ADMIN, query);
    assertThat(rb.champions()).isNotEmpty();
    assertThat(rb.champions()).extracting(c -> c.member().value()).isEqualTo(
        ra.champions().stream().map(c -> c.member().value()).toList());
    assertThat(rb.champions()).extracting(c -> c.score()).isEqualTo(ra.champions().stream().map(c -> c.score()).toList());

    PulseRequest pulse = PulseRequest.of(PulseScope.team(TeamId.of("t1")), AS_OF);
    PulseReport pa = a.pulse().report(ADMIN, pulse);
    PulseReport pb = b.pulse().report(ADMIN, pulse);
    assertThat(pb.metrics()).isEqualTo(pa.metrics());

    Optional<Profile> shared = b.profiles().find(ADMIN, MemberId.of("m4"));
    assertThat(shared).get().satisfies(p -> assertThat(p.displayName()).contains("Member Nr 4"));
    assertThat(b.profiles().find(ADMIN, MemberId.of("m2")).flatMap(Profile::displayName))
        .as("revoked profile.share").isEmpty();
  }
}
