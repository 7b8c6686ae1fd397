package io.convener.benchmarks;

import static io.convener.benchmarks.EventPartitioningRunner.BATCH;
import static io.convener.benchmarks.EventPartitioningRunner.COMMON;
import static io.convener.benchmarks.EventPartitioningRunner.DAY;
import static io.convener.benchmarks.EventPartitioningRunner.HISTORY;
import static io.convener.benchmarks.EventPartitioningRunner.POSTGRESQL;
import static io.convener.benchmarks.EventPartitioningRunner.START;
import static io.convener.benchmarks.EventPartitioningRunner.execute;

import io.convener.benchmarks.EventPartitioningRunner.Layout;
import io.convener.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;

/** The three layouts of the events table that {@link EventPartitioningRunner} compares, and its rows. */
final class EventTableLayouts {
  private static final String[] KINDS = {"message", "reply", "reaction", "review", "mention"};
  private static final String COLUMNS = """
      tenant_id VARCHAR(64) NOT NULL, event_id VARCHAR(200) NOT NULL, at BIGINT NOT NULL,
      kind VARCHAR(32) NOT NULL, actor VARCHAR(200) NOT NULL, team VARCHAR(200),
      weight DOUBLE PRECISION NOT NULL, sentiment DOUBLE PRECISION, targets VARCHAR NOT NULL,
      refs VARCHAR NOT NULL, tags VARCHAR NOT NULL, attrs VARCHAR NOT NULL, seq BIGINT NOT NULL DEFAULT 0""";

  private EventTableLayouts() {}

  /**
   * Creates Convener's schema in the (empty) database of {@code url}: the common migrations, then
   * PostgreSQL's own for the hash layout, or the events table replaced by monthly range partitions,
   * whose primary key must then hold {@code at}.
   */
  static void create(Layout layout, String url, String user, String password) throws SQLException {
    boolean hash = layout == Layout.HASH_BY_TENANT;
    Flyway.configure(EventTableLayouts.class.getClassLoader())
        .dataSource(url, user, password)
        .locations(hash ? new String[] {COMMON, POSTGRESQL} : new String[] {COMMON})
        .table(HISTORY)
        .load()
        .migrate();
    if (layout != Layout.RANGE_BY_MONTH) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      execute(c, "DROP TABLE events");
      execute(c, "CREATE TABLE events (" + COLUMNS + ", CONSTRAINT events_pk PRIMARY KEY (tenant_id, event_id, at),"
          + " CONSTRAINT events_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id))"
          + " PARTITION BY RANGE (at)");
      LocalDate month = LocalDate.of(2026, 1, 1);
      for (int m = 0; m < 12; m++, month = month.plusMonths(1)) {
        execute(c, String.format(Locale.ROOT, "CREATE TABLE events_m%02d PARTITION OF events"
            + " FOR VALUES FROM (%d) TO (%d)", m + 1, nanos(month), nanos(month.plusMonths(1))));
      }
      execute(c, "CREATE TABLE events_other PARTITION OF events DEFAULT");
      execute(c, "CREATE INDEX events_by_time ON events (tenant_id, at, event_id)");
      execute(c, "CREATE INDEX events_by_change ON events (tenant_id, seq)");
    }
  }

  static void registerTenants(Connection c, int tenants) throws SQLException {
    for (int t = 0; t < tenants; t++) {
      execute(c, "INSERT INTO tenants (tenant_id) VALUES ('tenant-" + t + "')");
    }
  }

  /**
   * Batch {@code b} of tenant {@code t}, in id order as the store inserts it: {@value
   * EventPartitioningRunner#BATCH} events in the {@code b}-th of {@code batches} equal slices of the
   * 364 days, as events arrive over time. The same for the same arguments.
   */
  static List<Object[]> batch(int t, int b, int batches) {
    Random random = new Random(1_000_003L * t + b);
    long slice = 364 * DAY / batches;
    List<Object[]> rows = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      String actor = "m-" + random.nextInt(500);
      rows.add(new Object[] {
        String.format(Locale.ROOT, "e-%09d", (long) b * BATCH + i),
        START + b * slice + (long) (random.nextDouble() * slice),
        KINDS[random.nextInt(KINDS.length)],
        actor,
        random.nextInt(4) == 0 ? null : "team-" + random.nextInt(40),
        1.0 + random.nextInt(3),
        random.nextBoolean() ? null : random.nextDouble() * 2 - 1,
        "[\"m-" + random.nextInt(500) + "\"]",
        "[]",
        random.nextInt(3) == 0 ? "[\"launch\"]" : "[]",
        "{}"
      });
    }
    return rows;
  }

  /** One batch as the event store writes it: change counter, insert, event count, one transaction. */
  static void insert(Connection c, Layout layout, String tenant, List<Object[]> rows) {
    String insert = Dialect.POSTGRESQL.eventInsert();
    if (layout == Layout.RANGE_BY_MONTH) {
      insert = insert.replace("ON CONFLICT (tenant_id, event_id)", "ON CONFLICT (tenant_id, event_id, at)");
    }
    try {
      c.setAutoCommit(false);
      long change;
      try (PreparedStatement raise = c.prepareStatement(
          "UPDATE tenants SET change_seq = change_seq + 1 WHERE tenant_id = ? RETURNING change_seq")) {
        raise.setString(1, tenant);
        try (ResultSet rs = raise.executeQuery()) {
          rs.next();
          change = rs.getLong(1);
        }
      }
      int added = 0;
      try (PreparedStatement batch = c.prepareStatement(insert)) {
        for (Object[] row : rows) {
          batch.setString(1, tenant);
          for (int col = 0; col < row.length; col++) {
            batch.setObject(col + 2, row[col], col == 5 || col == 6 ? Types.DOUBLE : col == 1 ? Types.BIGINT
                : Types.VARCHAR);
          }
          batch.setLong(13, change);
          batch.addBatch();
        }
        for (int count : batch.executeBatch()) {
          added += count;
        }
      }
      try (PreparedStatement count = c.prepareStatement(
          "UPDATE tenants SET event_count = event_count + ? WHERE tenant_id = ?")) {
        count.setInt(1, added);
        count.setString(2, tenant);
        count.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("insert into " + layout + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Bytes of the events table, its partitions, indexes and TOAST. A partitioned parent has no
   * storage of its own, and a plain table no partition tree.
   */
  static long size(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('events')"
        + " + COALESCE((SELECT SUM(pg_total_relation_size(relid)) FROM pg_partition_tree('events') WHERE isleaf), 0)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long nanos(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
  }
}
