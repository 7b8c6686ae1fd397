package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.storage.EventQuery;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V20 partitions the events table on PostgreSQL by a hash of the tenant: a new store
 * gets the partitioned table, and a store that holds events is converted with its rows, columns,
 * keys and indexes kept. Skipped unless CONVENER_PG_URL is set.
 */
class PostgresEventPartitionsIT {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  /** Columns (name, type, length, nullability, default), indexes and constraints of events. */
  private static final String[] SHAPE = {
    "SELECT column_name || ' ' || data_type || ' ' || COALESCE(character_maximum_length::text, '-') || ' '"
        + " || is_nullable || ' ' || COALESCE(column_default, '-') FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = 'events' ORDER BY ordinal_position",
    "SELECT replace(indexdef, ' ON ONLY ', ' ON ') FROM pg_indexes"
        + " WHERE schemaname = current_schema() AND tablename = 'events' ORDER BY indexname",
    "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'events'::regclass ORDER BY conname",
  };

  @TempDir Path dir;

  @Test
  void aNewStoreHasTheEventsTablePartitionedByAHashOfTheTenant() throws Exception {
    JdbcSettings settings = TestDatabase.POSTGRESQL.settings(dir);
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      try (Connection c = connect(settings)) {
        assertThat(rows(c, "SELECT p.partstrat::text || ' ' || a.attname FROM pg_partitioned_table p"
            + " JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
            + " WHERE p.partrelid = 'events'::regclass")).containsExactly("h tenant_id");
        assertThat(rows(c, "SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'events'::regclass"))
            .containsExactly("16");
        assertThat(rows(c, "SELECT \"version\" FROM " + JdbiStorageLifecycle.HISTORY_TABLE
            + " WHERE \"version\" = '20' AND \"success\"")).containsExactly("20");
      }
    } finally {
      TestDatabase.POSTGRESQL.dispose(settings);
    }
  }

  @Test
  void aStoreHoldingEventsIsConvertedWithItsRowsKeysAndIndexes() throws Exception {
    JdbcSettings settings = TestDatabase.POSTGRESQL.settings(dir);
    try {
      // The schema as it was before V20: the common migrations up to it, none of PostgreSQL's own.
      Flyway.configure(JdbiStorageLifecycle.class.getClassLoader())
          .dataSource(settings.url(), settings.user(), settings.password().orElse(null))
          .locations(JdbiStorageLifecycle.MIGRATIONS)
          .table(JdbiStorageLifecycle.HISTORY_TABLE)
          .target(lastCommonVersionBefore(20))
          .load()
          .migrate();
      Map<String, List<String>> before;
      try (Connection c = connect(settings); Statement s = c.createStatement()) {
        before = shape(c);
        s.execute("INSERT INTO tenants (tenant_id, event_count, change_seq) VALUES ('acme', 2, 7), ('globex', 1, 3)");
        s.execute("INSERT INTO events (tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs,"
            + " tags, attrs, seq) VALUES"
            + " ('acme', 'e-1', 1000, 'message', 'ann', 'core', 2.5, -0.5, '[\"bob\"]', '[]', '[\"x\"]', '{}', 6),"
            + " ('acme', 'e-2', 2000, 'reply', 'bob', NULL, 1.0, NULL, '[\"ann\"]', '[\"e-1\"]', '[]', '{}', 7),"
            + " ('globex', 'e-1', 1500, 'message', 'cy', NULL, 1.0, NULL, '[]', '[]', '[]', '{}', 0)");
      }

      try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
        stores.lifecycle().start();

        Event first = Event.builder(EventId.of("e-1"), Instant.EPOCH.plusNanos(1000), EventKind.MESSAGE,
                MemberId.of("ann"))
            .team(TeamId.of("core")).weight(2.5).sentiment(-0.5).targets(List.of(MemberId.of("bob")))
            .tags(List.of("x")).build();
        assertThat(stores.events().find(ACME, first.id())).contains(first);
        List<String> acme = new ArrayList<>();
        stores.events().scan(ACME, EventQuery.all(), e -> acme.add(e.id().value()));
        assertThat(acme).containsExactly("e-1", "e-2");
        assertThat(stores.events().count(GLOBEX, EventQuery.all())).isEqualTo(1);
        // The primary key came back: the first write of an id still wins.
        Event again = Event.builder(EventId.of("e-1"), Instant.EPOCH, EventKind.REPLY, MemberId.of("zed")).build();
        assertThat(stores.events().insert(ACME, List.of(again)).duplicates()).containsExactly(again.id());
        assertThat(stores.events().find(ACME, first.id())).contains(first);

        try (Connection c = connect(settings); Statement s = c.createStatement()) {
          assertThat(shape(c)).isEqualTo(before);
          assertThat(rows(c, "SELECT tenant_id || ' ' || event_id || ' ' || seq FROM events ORDER BY 1"))
              .containsExactly("acme e-1 6", "acme e-2 7", "globex e-1 0");
          assertThat(rows(c, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
              + " AND tablename = 'events_unpartitioned'")).containsExactly("0");
          // The foreign key to tenants came back too.
          assertThatThrownBy(() -> s.execute("INSERT INTO events (tenant_id, event_id, at, kind, actor, weight,"
              + " targets, refs, tags, attrs) VALUES ('nobody', 'e-1', 0, 'message', 'm', 1, '[]', '[]', '[]', '{}')"))
              .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        }
      }
    } finally {
      TestDatabase.POSTGRESQL.dispose(settings);
    }
  }

  /** The highest version of a common migration file below {@code version}, as Flyway's target. */
  private static String lastCommonVersionBefore(int version) throws IOException {
    Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/io/convener/jdbc/migration"))) {
      return String.valueOf(files.map(f -> versioned.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .filter(v -> v < version)
          .max()
          .orElseThrow());
    }
  }

  /** The columns, indexes and constraints of events, with partition-only wording removed. */
  private static Map<String, List<String>> shape(Connection c) throws SQLException {
    return Map.of("columns", rows(c, SHAPE[0]), "indexes", rows(c, SHAPE[1]), "constraints", rows(c, SHAPE[2]));
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static Connection connect(JdbcSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null));
  }
}
