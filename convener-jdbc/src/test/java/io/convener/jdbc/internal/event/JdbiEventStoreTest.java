package io.convener.jdbc.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.StorageException;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.InsertResult;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the JDBC event store adds to the storage contract; on every local database. */
class JdbiEventStoreTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  private static Event event(String id, Instant at) {
    return Event.builder(EventId.of(id), at, EventKind.MESSAGE, MemberId.of("m")).build();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void instantsOutsideTheStorableRangeAreRejectedAndNothingIsWritten(TestDatabase db) {
    try (StoreFixture s = JdbcFixtures.open(db.settings(dir), () -> {})) {
      s.lifecycle().start();
      for (Instant outside : List.of(EpochNanos.MAX.plusNanos(1), EpochNanos.MIN.minusNanos(1))) {
        List<Event> batch = List.of(event("fine", Instant.EPOCH), event("outside", outside));

        assertThatThrownBy(() -> s.events().insert(ACME, batch))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("events[1].at")
            .hasMessageContaining("outside the storable range 1677-09-21T00:12:43.145224192Z to 2262-04-11");
      }
      assertThat(s.events().count(ACME, EventQuery.all())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void theExtremeStorableInstantsRoundTripInOrder(TestDatabase db) {
    try (StoreFixture s = JdbcFixtures.open(db.settings(dir), () -> {})) {
      s.lifecycle().start();
      Event last = event("last", EpochNanos.MAX);
      Event first = event("first", EpochNanos.MIN);
      s.events().insert(ACME, List.of(last, first));

      List<Event> scanned = new ArrayList<>();
      s.events().scan(ACME, EventQuery.all(), scanned::add);
      assertThat(scanned).containsExactly(first, last);
      assertThat(s.events().count(ACME, EventQuery.between(EpochNanos.MIN, EpochNanos.MAX))).isEqualTo(1);
      assertThat(s.events().count(ACME, EventQuery.between(EpochNanos.MAX, Instant.MAX))).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void writesRegisterTheirTenant(TestDatabase db) {
    try (StoreFixture s = JdbcFixtures.open(db.settings(dir), () -> {})) {
      s.lifecycle().start();
      TenantId fresh = TenantId.of("registered-by-insert");
      assertThat(s.tenants().exists(fresh)).isFalse();

      assertThat(s.events().insert(fresh, List.of(event("e", Instant.EPOCH)))).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(1, List.of()));

      assertThat(s.tenants().exists(fresh)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void largeBatchesAreStoredInOneCall(TestDatabase db) {
    try (StoreFixture s = JdbcFixtures.open(db.settings(dir), () -> {})) {
      s.lifecycle().start();
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        batch.add(event("bulk-" + i, Instant.EPOCH.plusSeconds(i)));
      }
      batch.add(batch.get(17));

      InsertResult result = s.events().insert(ACME, batch);

      assertThat(result.inserted()).isEqualTo(5_000);
      assertThat(result.duplicates()).containsExactly(EventId.of("bulk-17"));
      assertThat(s.events().count(ACME, EventQuery.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(100))))
          .isEqualTo(100);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBatchThatFailsInTheDatabaseLeavesTheEventCounterAsItWas(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture s = JdbcFixtures.open(settings, () -> {})) {
      s.lifecycle().start();
      s.events().insert(ACME, List.of(event("kept", Instant.EPOCH)));
      // The database refuses one row of the next batch, after others of it were written.
      execute(settings, db == TestDatabase.SQLITE_FILE
          ? "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_id = 'poison'"
              + " BEGIN SELECT RAISE(ABORT, 'poison'); END"
          : "ALTER TABLE events ADD CONSTRAINT poison CHECK (event_id <> 'poison')");
      List<Event> batch = List.of(event("a-new", Instant.EPOCH), event("poison", Instant.EPOCH),
          event("z-new", Instant.EPOCH), event("kept", Instant.EPOCH));

      assertThatThrownBy(() -> s.events().insert(ACME, batch)).isInstanceOf(StorageException.class);

      EventQuery everything = EventQuery.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
      assertThat(s.events().count(ACME, EventQuery.all())).isEqualTo(1);
      assertThat(s.events().count(ACME, everything)).isEqualTo(1);
      assertThat(s.events().insert(ACME, List.of(event("a-new", Instant.EPOCH), event("kept", Instant.EPOCH))))
          .usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(1, List.of(EventId.of("kept"))));
      assertThat(s.events().count(ACME, EventQuery.all())).isEqualTo(2);
      assertThat(s.events().count(ACME, everything)).isEqualTo(2);
    } finally {
      db.dispose(settings);
    }
  }

  private static void execute(JdbcSettings settings, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}
