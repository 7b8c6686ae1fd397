package io.convener.core.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.backup.RestoreReport;
import io.convener.api.model.Member;
import io.convener.core.ScheduleSettings;
import io.convener.core.ScheduledBackups;
import io.convener.core.notify.NotifyTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled backups: each period writes one file per tenant, only the newest {@code keep} stay, and
 * the newest is a backup of the tenant's rows.
 */
class ScheduledBackupTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;

  @Test
  void eachPeriodWritesABackupTheNewestTwoStayAndTheNewestRestores() throws IOException {
    Path backups = dir.resolve("backups");
    Path keys = dir.resolve("keys");
    List<Member> members = IntStream.range(0, 25).mapToObj(i -> Member.of(MemberId.of("m" + i))).toList();
    try (ScheduleNode node = new ScheduleNode("jdbc:sqlite:" + dir.resolve("source.db"), keys,
        ScheduleSettings.defaults(), List.of(), NotifyTesting.inMemoryChannel(),
        new ScheduledBackups(backups, Duration.ofHours(1), 2))) {
      node.convener.ingest().submit(Principal.of(ACME, "ops", Role.ADMIN), members, List.of());
      for (int hour = 0; hour < 3; hour++) {
        node.clock.set(T0.plus(Duration.ofHours(hour)));
        node.scheduler().runDue();
        node.clock.set(T0.plus(Duration.ofHours(hour)).plusSeconds(30));
        node.scheduler().runDue();
      }
    }
    List<String> kept;
    try (Stream<Path> files = Files.list(backups.resolve(ACME.value()))) {
      kept = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(kept).as("the newest two of three hourly backups").containsExactly(
        "20260302T100000Z.zip", "20260302T110000Z.zip");

    // The newest file restores into an empty store: its tenant, its members, and a log that verifies.
    try (ScheduleNode reader = new ScheduleNode("jdbc:sqlite:" + dir.resolve("restored.db"), keys,
        ScheduleSettings.defaults(), List.of(), NotifyTesting.inMemoryChannel())) {
      RestoreReport report = reader.convener.backups().restore(backups.resolve(ACME.value()).resolve(kept.get(1)));
      assertThat(report.tenants()).singleElement().satisfies(t -> {
        assertThat(t.tenant()).isEqualTo(ACME);
        assertThat(t.rows("members")).isEqualTo(members.size());
        assertThat(t.verification().verified()).isTrue();
      });
    }
  }
}
