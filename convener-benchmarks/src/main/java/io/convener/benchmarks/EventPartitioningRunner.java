package io.convener.benchmarks;

import io.convener.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.flywaydb.core.Flyway;

/**
 * The events table on PostgreSQL, unpartitioned, hash-partitioned by tenant (migration V20) and
 * range-partitioned by month of {@code at}: ingest rate, a tenant's four-week window scan, a
 * tenant's full scan, and the size on disk, each layout in its own new schema of one database.
 * Ingestion runs the statements the event store runs per batch of 1,000 (raise the tenant's
 * change counter, insert the batch in id order with {@link Dialect#eventInsert()}, add to the
 * event count) in one transaction; the layouts take turns batch by batch and query by query, so
 * that load from elsewhere falls on all three alike. Finally the unpartitioned schema is upgraded
 * by migration V20, timed. Not a timed test; run by hand with the CONVENER_PG_URL, CONVENER_PG_USER
 * and CONVENER_PG_PASSWORD of a database it may create schemas in:
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.EventPartitioningRunner [tenants] [eventsPerTenant] [windows]
 * </pre>
 */
public final class EventPartitioningRunner {
  static final String COMMON = "classpath:io/convener/jdbc/migration";
  static final String POSTGRESQL = "classpath:io/convener/jdbc/migration-postgresql";
  static final String HISTORY = "convener_schema_history";
  static final int BATCH = 1_000;
  static final long DAY = 86_400_000_000_000L;
  /** 2026-01-01T00:00:00Z in nanoseconds; the events span 364 days from there. */
  static final long START = 1_767_225_600_000_000_000L;
  static final String WINDOW = "SELECT event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags,"
      + " attrs FROM events WHERE tenant_id = ? AND at >= ? AND at < ? ORDER BY tenant_id, at, event_id";

  /** How the events table is laid out. */
  enum Layout {
    UNPARTITIONED, HASH_BY_TENANT, RANGE_BY_MONTH
  }

  private EventPartitioningRunner() {}

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perTenant = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int windows = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String url = System.getenv("CONVENER_PG_URL");
    if (url == null || url.isBlank()) {
      System.err.println("set CONVENER_PG_URL (jdbc:postgresql://HOST[:PORT]/DATABASE), CONVENER_PG_USER and"
          + " CONVENER_PG_PASSWORD");
      System.exit(2);
    }
    String user = System.getenv().getOrDefault("CONVENER_PG_USER", "");
    String password = System.getenv("CONVENER_PG_PASSWORD");
    Map<Layout, Connection> db = new EnumMap<>(Layout.class);
    Map<Layout, String> schemas = new EnumMap<>(Layout.class);
    try (Connection admin = DriverManager.getConnection(url, user, password)) {
      try {
        for (Layout layout : Layout.values()) {
          String schema = "convener_bench_" + layout.name().toLowerCase(Locale.ROOT) + "_"
              + UUID.randomUUID().toString().substring(0, 8);
          execute(admin, "CREATE SCHEMA " + schema);
          schemas.put(layout, schema);
          String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
          EventTableLayouts.create(layout, inSchema, user, password);
          db.put(layout, DriverManager.getConnection(inSchema, user, password));
        }
        run(db, tenants, perTenant, windows, url, user, password, schemas);
      } finally {
        for (Connection c : db.values()) {
          c.close();
        }
        for (String schema : schemas.values()) {
          execute(admin, "DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static void run(Map<Layout, Connection> db, int tenants, int perTenant, int windows, String url,
      String user, String password, Map<Layout, String> schemas) throws SQLException {
    Map<Layout, long[]> ingest = new EnumMap<>(Layout.class);
    for (Layout layout : Layout.values()) {
      EventTableLayouts.registerTenants(db.get(layout), tenants);
      ingest.put(layout, new long[1]);
    }
    int batches = perTenant / BATCH;
    for (int b = 0; b < batches; b++) {
      for (int t = 0; t < tenants; t++) {
        List<Object[]> rows = EventTableLayouts.batch(t, b, batches);
        int turn = b * tenants + t;
        for (int i = 0; i < Layout.values().length; i++) {
          Layout layout = Layout.values()[(turn + i) % Layout.values().length];
          long began = System.nanoTime();
          EventTableLayouts.insert(db.get(layout), layout, "tenant-" + t, rows);
          ingest.get(layout)[0] += System.nanoTime() - began;
        }
      }
    }
    long total = (long) tenants * batches * BATCH;
    System.out.printf(Locale.ROOT, "%d events, %d tenants, batches of %d%n", total, tenants, BATCH);
    for (Layout layout : Layout.values()) {
      analyze(db.get(layout));
    }
    Random random = new Random(7);
    Map<Layout, long[]> window = new EnumMap<>(Layout.class);
    Map<Layout, long[]> full = new EnumMap<>(Layout.class);
    long[] windowRows = new long[windows];
    for (Layout layout : Layout.values()) {
      window.put(layout, new long[windows]);
      full.put(layout, new long[tenants]);
    }
    for (int q = 0; q < windows; q++) {
      String tenant = "tenant-" + random.nextInt(tenants);
      long from = START + random.nextInt(364 - 28) * DAY;
      windowRows[q] = turns(db, q, window, layout -> scan(db.get(layout), tenant, from, from + 28 * DAY));
    }
    for (int t = 0; t < tenants; t++) {
      String tenant = "tenant-" + t;
      turns(db, t, full, layout -> scan(db.get(layout), tenant, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    System.out.printf(Locale.ROOT, "%-15s %12s %18s %18s %10s%n",
        "layout", "ingest ev/s", "4-week window ms", "tenant scan ms", "size MiB");
    for (Layout layout : Layout.values()) {
      System.out.printf(Locale.ROOT, "%-15s %12.0f %18.2f %18.1f %10.0f%n", layout,
          total / (ingest.get(layout)[0] / 1e9), median(window.get(layout)) / 1e6,
          median(full.get(layout)) / 1e6, EventTableLayouts.size(db.get(layout)) / 1048576.0);
    }
    System.out.printf(Locale.ROOT, "median rows per window: %d%n", (long) median(windowRows));
    String plain = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schemas.get(Layout.UNPARTITIONED);
    long began = System.nanoTime();
    Flyway.configure(EventPartitioningRunner.class.getClassLoader())
        .dataSource(plain, user, password).locations(COMMON, POSTGRESQL).table(HISTORY).load().migrate();
    System.out.printf(Locale.ROOT, "V20 converted the unpartitioned table of %d events in %.1f s%n",
        total, (System.nanoTime() - began) / 1e9);
  }

  /**
   * Times {@code work} on each layout, starting with a different one each turn; stores the times
   * at index {@code turn} and returns what the last one returned.
   */
  private static long turns(Map<Layout, Connection> db, int turn, Map<Layout, long[]> times,
      ToLongFunction<Layout> work) {
    long result = 0;
    for (int i = 0; i < db.size(); i++) {
      Layout layout = Layout.values()[(turn + i) % db.size()];
      long began = System.nanoTime();
      result = work.applyAsLong(layout);
      times.get(layout)[turn] = System.nanoTime() - began;
    }
    return result;
  }

  /** Reads every row of the tenant with {@code from <= at < until}, as the store's scan does. */
  private static long scan(Connection c, String tenant, long from, long until) {
    try (PreparedStatement select = c.prepareStatement(WINDOW)) {
      select.setFetchSize(BATCH);
      select.setString(1, tenant);
      select.setLong(2, from);
      select.setLong(3, until);
      long rows = 0;
      c.setAutoCommit(false);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rs.getString(1);
          rs.getString(8);
          rows++;
        }
      }
      c.commit();
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("scan failed: " + e.getMessage(), e);
    }
  }

  private static void analyze(Connection c) throws SQLException {
    c.setAutoCommit(true);
    // On a partitioned table this vacuums and analyses every partition too.
    execute(c, "VACUUM ANALYZE events");
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
