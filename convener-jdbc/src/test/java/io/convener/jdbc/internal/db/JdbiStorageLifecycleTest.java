package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    List<String> expected = new java.util.ArrayList<>(List.of("0 true"));
    expected.addAll(migrations());
    assertThat(history(settings)).containsExactlyElementsOf(expected);
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

  /** "N true" for each versioned migration file, in version order: what a fresh database's history holds. */
  private static List<String> migrations() throws java.io.IOException {
    try (java.util.stream.Stream<Path> files =
        java.nio.file.Files.list(Path.of("src/main/resources/io/convener/jdbc/migration"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .sorted()
          .map(v -> v + " true")
          .toList();
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
