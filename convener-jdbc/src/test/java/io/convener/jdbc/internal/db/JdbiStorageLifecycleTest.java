package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import io.convener.testing.storage.StoreFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiStorageLifecycleTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Event EVENT =
      Event.builder(EventId.of("e-1"), Instant.parse("2024-01-01T00:00:00Z"), EventKind.MESSAGE, MemberId.of("m")).build();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void startingTwiceMigratesOnce(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      stores.lifecycle().start();
      stores.events().insert(ACME, List.of(EVENT));

      assertThat(history(settings)).containsExactlyElementsOf(migrations());
      assertThat(stores.events().find(ACME, EVENT.id())).contains(EVENT);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_FILE", "SQLITE_FILE"})
  void reopeningAFileDatabaseKeepsItsDataAndDoesNotMigrateAgain(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      stores.events().insert(ACME, List.of(EVENT));
    }
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();

      assertThat(stores.events().find(ACME, EVENT.id())).contains(EVENT);
      assertThat(stores.events().insert(ACME, List.of(EVENT)).duplicates()).containsExactly(EVENT.id());
    }
    assertThat(history(settings)).containsExactlyElementsOf(migrations());
  }

  @Test
  void aVersionOneDatabaseIsUpgradedAndItsPlaintextPersonalDataRefusedUntilRewritten() throws Exception {
    JdbcSettings settings = TestDatabase.SQLITE_FILE.settings(dir);
    migrateTo(settings, "1");
    try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
      s.execute("INSERT INTO tenants (tenant_id) VALUES ('acme')");
      s.execute("INSERT INTO members (tenant_id, member_id, teams, cohorts, skills) VALUES ('acme', 'ann', '[]', '[]', '[]')");
      s.execute("INSERT INTO member_personal (tenant_id, member_id, display_name) VALUES ('acme', 'ann', 'Ann')");
    }
    assertThat(history(settings)).containsExactly("1 true");

    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      assertThat(history(settings)).containsExactlyElementsOf(migrations());
      assertThatThrownBy(() -> stores.members().find(ACME, MemberId.of("ann")))
          .isInstanceOf(IntegrityException.class);

      Member ann = Member.builder(MemberId.of("ann")).displayName("Ann").build();
      stores.members().upsert(ACME, List.of(ann));
      assertThat(stores.members().find(ACME, ann.id())).contains(ann);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_FILE", "SQLITE_FILE", "POSTGRESQL"})
  void eventsStoredBeforeTheEventCounterAreCountedByTheMigrationThatAddsIt(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try {
      migrateTo(settings, "10");
      try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO tenants (tenant_id) VALUES ('acme')");
        s.execute("INSERT INTO tenants (tenant_id) VALUES ('globex')");
        s.execute("INSERT INTO tenants (tenant_id) VALUES ('initech')");
        for (String row : List.of("'acme', 'e-1'", "'acme', 'e-2'", "'acme', 'e-3'", "'globex', 'e-1'")) {
          s.execute("INSERT INTO events (tenant_id, event_id, at, kind, actor, weight, targets, refs, tags, attrs)"
              + " VALUES (" + row + ", 0, 'message', 'm', 1.0, '[]', '[]', '[]', '{}')");
        }
      }
      try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
        stores.lifecycle().start();
        assertThat(stores.events().count(ACME, EventQuery.all())).isEqualTo(3);
        assertThat(stores.events().count(TenantId.of("globex"), EventQuery.all())).isEqualTo(1);
        assertThat(stores.events().count(TenantId.of("initech"), EventQuery.all())).isZero();

        Event fourth = Event.builder(EventId.of("e-4"), EVENT.at(), EventKind.MESSAGE, MemberId.of("m")).build();
        stores.events().insert(ACME, List.of(EVENT, fourth));
        assertThat(stores.events().count(ACME, EventQuery.all())).isEqualTo(4);
      }
    } finally {
      db.dispose(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_FILE", "SQLITE_FILE", "POSTGRESQL"})
  void consentRecordedBeforeTheProjectionHeldWholeRecordsIsReadWholeAfterTheMigration(TestDatabase db)
      throws Exception {
    JdbcSettings settings = db.settings(dir);
    try {
      migrateTo(settings, "11");
      try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO tenants (tenant_id) VALUES ('acme')");
        s.execute("INSERT INTO consent_tenants (tenant_id, consent_version, policy) VALUES ('acme', 3, NULL)");
        // Ann granted, then withdrew; Bob granted with a notice, an expiry and a source event.
        s.execute("INSERT INTO consent_records (tenant_id, record_id, seq, subject, purpose, decision, notice_version,"
            + " method, recorded_by, at, expires_at, source_event) VALUES"
            + " ('acme', 'r-1', 1, 'ann', 'champion.recommendation', 'granted', NULL, 'api', 'ann', 1000, NULL, NULL),"
            + " ('acme', 'r-2', 2, 'ann', 'champion.recommendation', 'revoked', NULL, 'api', 'ann', 2000, NULL, NULL),"
            + " ('acme', 'r-3', 3, 'bob', 'champion.recommendation', 'granted', 'v2', 'interchange-event', 'admin', 1500,"
            + " 4102444800000000000, 'ev-9')");
        s.execute("INSERT INTO consent_current (tenant_id, purpose, subject, record_id, decision, at, expires_at) VALUES"
            + " ('acme', 'champion.recommendation', 'ann', 'r-2', 'revoked', 2000, NULL),"
            + " ('acme', 'champion.recommendation', 'bob', 'r-3', 'granted', 1500, 4102444800000000000)");
      }
      Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
          binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
      StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
      lifecycle.start();
      try {
        ConsentStore consent = injector.getInstance(ConsentStore.class);
        Purpose purpose = Purpose.of("champion.recommendation");
        ConsentRecord bob = consent.find(ACME, ConsentRecordId.of("r-3")).orElseThrow();
        assertThat(bob.noticeVersion()).contains("v2");
        assertThat(bob.sourceEvent()).contains(EventId.of("ev-9"));
        assertThat(consent.granted(ACME, purpose, Instant.parse("2024-01-01T00:00:00Z"))).containsExactly(bob);
        assertThat(consent.current(ACME, MemberId.of("bob"), purpose)).contains(bob);
        assertThat(consent.current(ACME, MemberId.of("ann"), purpose))
            .contains(consent.find(ACME, ConsentRecordId.of("r-2")).orElseThrow());
      } finally {
        lifecycle.close();
      }
    } finally {
      db.dispose(settings);
    }
  }

  @Test
  void aDatabaseHoldingAHostsTablesGetsTheSchemaToo() throws Exception {
    JdbcSettings settings = TestDatabase.H2_FILE.settings(dir);
    try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE host_orders (id BIGINT PRIMARY KEY)");
    }
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      stores.events().insert(ACME, List.of(EVENT));
      assertThat(stores.events().find(ACME, EVENT.id())).contains(EVENT);
    }
    List<String> baselineThenMigrations = new ArrayList<>(List.of("0 true"));
    baselineThenMigrations.addAll(migrations());
    assertThat(history(settings)).containsExactlyElementsOf(baselineThenMigrations);
  }

  @Test
  void theDirectoryOfAnEmbeddedDatabaseIsCreatedAtStart() {
    Path file = dir.resolve("a/b/convener.db");
    try (StoreFixture stores = JdbcFixtures.open(JdbcSettings.sqlite(file), () -> {})) {
      assertThat(dir.resolve("a")).doesNotExist();
      stores.lifecycle().start();
      assertThat(file).isRegularFile();
    }
  }

  /** Migrates the database of {@code settings} up to and including version {@code target}, no further. */
  private static void migrateTo(JdbcSettings settings, String target) {
    Flyway.configure(JdbiStorageLifecycle.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password().orElse(null))
        .locations(JdbiStorageLifecycle.MIGRATIONS)
        .table(JdbiStorageLifecycle.HISTORY_TABLE)
        .target(target)
        .load()
        .migrate();
  }

  /**
   * The rows a fresh database should have once migrated: one "VERSION true" per migration file in
   * the sources, in version order, so that adding a migration does not need this test changed.
   */
  private static List<String> migrations() throws IOException {
    Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/io/convener/jdbc/migration"))) {
      List<String> rows = files.map(f -> versioned.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted()
          .map(v -> v + " true")
          .toList();
      assertThat(rows).as("migration files").isNotEmpty().startsWith("1 true");
      return rows;
    }
  }

  /** The version and success of each versioned row of Convener's schema history, in order. */
  private static List<String> history(JdbcSettings settings) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(settings.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + JdbiStorageLifecycle.HISTORY_TABLE
            + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getBoolean(2));
      }
    }
    return rows;
  }
}
