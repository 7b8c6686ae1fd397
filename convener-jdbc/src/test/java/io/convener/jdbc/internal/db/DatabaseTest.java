package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void sqliteConnectionsUseWalWithFullSyncForeignKeysAndABusyTimeout() {
    Database database = new Database(TestDatabase.SQLITE_FILE.settings(dir));
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    try {
      assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(database, "busy_timeout")).isEqualTo("5000");
      assertThat(pragma(database, "synchronous")).as("2 is FULL: a commit survives power loss").isEqualTo("2");
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void callsBeforeStartSayWhatToDo() {
    Database database = new Database(JdbcSettings.inMemoryH2("not-started"));

    assertThatThrownBy(() -> database.read("count events", ACME, h -> 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the H2 store is not open: call Convener.start() first (or StorageLifecycle.start() when wiring storage alone)");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void aWriteRecoversWhenTheTenantRowVanishedBehindTheCache(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    Database database = new Database(settings);
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    try {
      database.register(ACME);
      assertThat(database.isKnown(ACME)).isTrue();
      try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
        s.execute("DELETE FROM tenants WHERE tenant_id = 'acme'");
      }

      database.write("insert a member", ACME, h -> h.execute(
          "INSERT INTO members (tenant_id, member_id, teams, cohorts, skills) VALUES ('acme', 'm', '[]', '[]', '[]')"));

      int tenants = database.read("count tenants", ACME,
          h -> h.createQuery("SELECT COUNT(*) FROM tenants WHERE tenant_id = :tenant").bind("tenant", "acme")
              .mapTo(Integer.class).one());
      assertThat(tenants).isEqualTo(1);
    } finally {
      lifecycle.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void failuresNameTheActionAndTenantButNotTheStatementOrItsValues(TestDatabase db) {
    Database database = new Database(db.settings(dir));
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    try {
      assertThatThrownBy(() -> database.read("look up secrets", ACME,
              h -> h.execute("SELECT no_such_column FROM events WHERE actor = 'alice@example.org'")))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("could not look up secrets for tenant 'acme' in the " + database.dialect() + " database")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("alice", "no_such_column"));
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void aDatabaseThatCannotBeOpenedGivesAClearError() throws Exception {
    Path notADirectory = Files.createFile(dir.resolve("plain-file"));
    Database sqlite = new Database(JdbcSettings.sqlite(notADirectory.resolve("convener.db")));
    assertThatThrownBy(() -> new JdbiStorageLifecycle(sqlite).start())
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("could not create the directory of the SQLITE database");

    // Nothing listens on port 1 of the loopback interface.
    Database postgres = new Database(JdbcSettings.of("jdbc:postgresql://127.0.0.1:1/convener?connectTimeout=2"));
    assertThatThrownBy(() -> new JdbiStorageLifecycle(postgres).start())
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("could not open the POSTGRESQL database jdbc:postgresql://127.0.0.1:1/convener:");
  }

  private static String pragma(Database database, String name) {
    return database.read("read pragma", ACME,
        h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }
}
