package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventQuery;
import io.convener.testing.storage.StoreFixture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener repair}'s library half: H2 rebuilt through its recovery tool, SQLite checked. */
class StoreRepairTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void anH2FileIsRebuiltFromItsRecoveryScriptWithCountersFromTheRowsAndTheOriginalKeptAside() throws Exception {
    JdbcSettings settings = JdbcSettings.h2File(dir.resolve("h"));
    store(settings, 250);
    try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE tenants SET event_count = 7"); // a counter out of step with the rows
    }

    StoreRepair.Report report = new StoreRepair(settings, CLOCK).run();

    assertThat(report.ok()).isTrue();
    Path aside = dir.resolve("h-damaged-20261207T100000");
    assertThat(report.keptAside()).contains(aside);
    assertThat(aside.resolve("h.mv.db")).isRegularFile();
    assertThat(aside.resolve("h.h2.sql")).isRegularFile();
    try (StoreFixture store = JdbcFixtures.open(settings, () -> {})) {
      store.lifecycle().start();
      assertThat(store.events().count(ACME, EventQuery.all())).isEqualTo(250);
      assertThat(store.events().find(ACME, EventId.of("e17"))).isPresent();
    }
  }

  @Test
  void anH2FileInUseIsLeftAlone() throws Exception {
    JdbcSettings settings = JdbcSettings.h2File(dir.resolve("h"));
    try (StoreFixture store = JdbcFixtures.open(settings, () -> {})) {
      store.lifecycle().start();
      assertThatThrownBy(() -> new StoreRepair(settings, CLOCK).run())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("close the store first");
    }
    assertThat(dir.resolve("h.mv.db")).isRegularFile();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().contains("damaged"))).isEmpty();
    }
  }

  @Test
  void aSoundSqliteFilePassesItsIntegrityCheckAndADamagedOneDoesNot() throws Exception {
    JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("c.db"));
    store(settings, 2_000);

    StoreRepair.Report sound = new StoreRepair(settings, CLOCK).run();
    assertThat(sound.ok()).isTrue();
    assertThat(sound.findings()).containsExactly("ok");
    assertThat(sound.keptAside()).isEmpty();

    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("c.db").toFile(), "rw")) {
      for (long page = 3; page * 4096 < file.length() - 4096; page += 3) {
        file.seek(page * 4096 + 100);
        file.write(new byte[64]); // zeroes inside b-tree pages
      }
    }
    StoreRepair.Report damaged;
    try {
      damaged = new StoreRepair(settings, CLOCK).run();
    } catch (StorageException e) {
      assertThat(e).hasMessageContaining(settings.describe());
      return;
    }
    assertThat(damaged.ok()).isFalse();
    assertThat(damaged.findings()).isNotEmpty().doesNotContain("ok");
  }

  @Test
  void serversAndInMemoryDatabasesAreRefused() {
    assertThatThrownBy(() -> new StoreRepair(JdbcSettings.inMemoryH2("x"), CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded database files");
    assertThatThrownBy(() -> new StoreRepair(JdbcSettings.of("jdbc:postgresql://db/convener"), CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded database files");
  }

  private static void store(JdbcSettings settings, int events) {
    try (StoreFixture store = JdbcFixtures.open(settings, () -> {})) {
      store.lifecycle().start();
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        batch.add(Event.builder(EventId.of("e" + i), Instant.ofEpochSecond(1_700_000_000L + i), EventKind.MESSAGE,
            MemberId.of("m" + i % 10)).build());
      }
      store.events().insert(ACME, batch);
    }
  }
}
