package io.convener.jdbc.internal.event;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import jakarta.inject.Inject;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Events in the {@code events} table.
 *
 * <p>{@link #insert} binds the whole list into one plain JDBC batch of the dialect's
 * insert-if-absent statement, on the connection of a Jdbi handle, and runs it in one transaction (registering the tenant if needed). Each row's update
 * count says whether it was new (1) or its id was already stored (0); an id repeated within the
 * list is caught in Java before the batch and reported as a duplicate of its first occurrence.
 * Rows are written in id order so that concurrent writers of overlapping lists do not deadlock.
 * In the same transaction it adds the rows it wrote to the tenant's {@code tenants.event_count},
 * so that {@link #count} of {@link EventQuery#all()} reads one row: the counter is committed or
 * rolled back with the rows, and {@code event_count + n} is applied under the row's write lock,
 * so concurrent writers never lose an addition.
 *
 * <p>{@link #scan} streams rows in {@code (at, event_id)} order with a fetch size, and sorts the
 * events of one instant by {@link EventId} in Java, so that the order is the same on every
 * database whatever its collation. Thread-safe.
 */
final class JdbiEventStore implements EventStore {
  static final String SELECT_ONE =
      "SELECT " + EventRows.COLUMNS + " FROM events WHERE tenant_id = :tenant AND event_id = :id";
  static final String SELECT = "SELECT " + EventRows.COLUMNS + " FROM events WHERE tenant_id = :tenant";
  static final String COUNT = "SELECT COUNT(*) FROM events WHERE tenant_id = :tenant";
  /** The tenant's event counter, which {@link #insert} keeps equal to its number of stored events. */
  static final String COUNT_ALL = "SELECT event_count FROM tenants WHERE tenant_id = :tenant";
  static final String ADD_TO_COUNT =
      "UPDATE tenants SET event_count = event_count + :added WHERE tenant_id = :tenant";
  /** Leads with the tenant, equal on every row, so that H2 sees the index order and does not sort. */
  static final String ORDER = " ORDER BY tenant_id, at, event_id";
  /** SQL state of a unique-key violation (SQL standard class 23, code 505). */
  static final String UNIQUE_VIOLATION = "23505";

  /** Whether the tenant has an event id; positional, for the plain JDBC hot path. */
  static final String SELECT_STORED_ID = "SELECT 1 FROM events WHERE tenant_id = ? AND event_id = ?";

  /** Rows fetched per round trip when scanning. */
  static final int FETCH_SIZE = 1000;

  private final Database database;

  /** Whether the last batch met stored ids, so the next one should look them up before inserting. */
  private volatile boolean lookUpFirst;

  @Inject
  JdbiEventStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public InsertResult insert(TenantId tenant, List<Event> events) {
    requireNonNull(tenant, "tenant");
    Event[] given = requireNonNull(events, "events").toArray(new Event[0]);
    if (given.length == 0) {
      return new InsertResult(0, List.of());
    }
    long[] at = new long[given.length];
    boolean[] repeated = new boolean[given.length];
    Set<EventId> seen = new HashSet<>(given.length * 2);
    for (int i = 0; i < given.length; i++) {
      requireNonNull(given[i], "events[" + i + "]");
      at[i] = EpochNanos.of(given[i].at(), "events[" + i + "].at");
      repeated[i] = !seen.add(given[i].id());
    }
    // Rows go in id order, so that concurrent writers of overlapping batches lock keys in the same
    // order and never deadlock.
    int[] rows = IntStream.range(0, given.length)
        .filter(i -> !repeated[i])
        .boxed()
        .sorted(Comparator.comparing(i -> given[i].id()))
        .mapToInt(Integer::intValue)
        .toArray();
    String insert = database.dialect().eventInsert();
    long[] change = new long[1];
    int[] counts = database.write("insert events", tenant, handle -> {
      change[0] = database.nextChange(handle, tenant);
      int[] written = insertNew(handle, tenant, given, at, rows, insert, change[0]);
      int added = added(tenant, rows, written);
      if (added > 0) {
        handle.createUpdate(ADD_TO_COUNT).bind("tenant", tenant.value()).bind("added", added).execute();
      }
      return written;
    });
    return result(given, rows, counts, change[0]);
  }

  /** Inserts the rows the tenant does not have yet; returns each row's update count. */
  private int[] insertNew(
      Handle handle, TenantId tenant, Event[] given, long[] at, int[] rows, String insert, long change)
      throws SQLException {
    if (!database.dialect().checksExistingEvents()) {
      return insertRows(handle, tenant, given, at, rows, new boolean[rows.length], insert, change);
    }
    // Optimistic: most batches are new events, so try them without looking up each id first.
    // When that trips over an id the tenant already has, roll back to the savepoint and look up.
    // After a batch with duplicates (a re-ingestion) the next batch looks up straight away.
    if (!lookUpFirst) {
      Savepoint before = handle.getConnection().setSavepoint();
      try {
        return insertRows(handle, tenant, given, at, rows, new boolean[rows.length], insert, change);
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        handle.getConnection().rollback(before);
      }
    }
    boolean[] stored = stored(handle, tenant, given, rows);
    boolean anyStored = false;
    for (boolean s : stored) {
      anyStored |= s;
    }
    lookUpFirst = anyStored;
    return insertRows(handle, tenant, given, at, rows, stored, insert, change);
  }

  /**
   * How many rows the batch wrote, checked before the transaction commits: a driver that does not
   * report a row's update count as 0 or 1 leaves the store unable to tell new events from stored
   * ones, and the event counter unable to stay exact, so the batch is rolled back.
   */
  private int added(TenantId tenant, int[] rows, int[] counts) {
    if (counts.length != rows.length) {
      throw noCounts(tenant, counts.length + " update counts for " + rows.length + " rows");
    }
    int added = 0;
    for (int count : counts) {
      if (count != 0 && count != 1) {
        throw noCounts(tenant, "update count " + count);
      }
      added += count;
    }
    return added;
  }

  /** Inserts the rows not marked {@code stored}; returns each row's update count (0 for stored ones). */
  private int[] insertRows(
      Handle handle, TenantId tenant, Event[] given, long[] at, int[] rows, boolean[] stored, String insert,
      long change)
      throws SQLException {
    int[] perRow = new int[rows.length];
    try (PreparedStatement batch = handle.getConnection().prepareStatement(insert)) {
      int added = 0;
      for (int k = 0; k < rows.length; k++) {
        if (!stored[k]) {
          EventRows.bind(batch, tenant.value(), given[rows[k]], at[rows[k]], change);
          batch.addBatch();
          added++;
        }
      }
      int[] executed;
      try {
        executed = added == 0 ? new int[0] : batch.executeBatch();
      } catch (BatchUpdateException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        throw new SQLException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), e);
      }
      if (executed.length != added) {
        throw noCounts(tenant, executed.length + " update counts for " + added + " rows");
      }
      for (int k = 0, j = 0; k < rows.length; k++) {
        perRow[k] = stored[k] ? 0 : executed[j++];
      }
    }
    return perRow;
  }

  /**
   * Which of {@code rows} the tenant already has, for dialects whose insert does not skip them
   * itself ({@link io.convener.jdbc.Dialect#checksExistingEvents()}): one primary-key look-up per
   * row on the same connection (H2 does not use the key for a long {@code IN} list).
   */
  private static boolean[] stored(Handle handle, TenantId tenant, Event[] given, int[] rows) throws SQLException {
    boolean[] stored = new boolean[rows.length];
    try (PreparedStatement lookup = handle.getConnection().prepareStatement(SELECT_STORED_ID)) {
      lookup.setString(1, tenant.value());
      for (int k = 0; k < rows.length; k++) {
        lookup.setString(2, given[rows[k]].id().value());
        try (ResultSet rs = lookup.executeQuery()) {
          stored[k] = rs.next();
        }
      }
    }
    return stored;
  }

  /** The result of a batch whose update counts {@link #added} checked. */
  private static InsertResult result(Event[] given, int[] rows, int[] counts, long change) {
    Boolean[] inserted = new Boolean[given.length];
    for (int k = 0; k < rows.length; k++) {
      inserted[rows[k]] = counts[k] == 1;
    }
    List<EventId> duplicates = new ArrayList<>();
    int insertedCount = 0;
    for (int i = 0; i < given.length; i++) {
      if (Boolean.TRUE.equals(inserted[i])) {
        insertedCount++;
      } else {
        duplicates.add(given[i].id());
      }
    }
    return new InsertResult(insertedCount, duplicates, change);
  }

  private StorageException noCounts(TenantId tenant, String detail) {
    return new StorageException(
        "the " + database.dialect() + " driver did not report which events of tenant '" + tenant
            + "' were new (" + detail + "); nothing was stored. For PostgreSQL, leave"
            + " reWriteBatchedInserts off",
        new IllegalStateException(detail));
  }

  @Override
  public Optional<Event> find(TenantId tenant, EventId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.read("find event", tenant, handle -> handle.createQuery(SELECT_ONE)
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map(EventRows::map)
        .findOne());
  }

  @Override
  public void scan(TenantId tenant, EventQuery query, Consumer<? super Event> sink) {
    scan(tenant, query, Long.MAX_VALUE, sink);
  }

  /** {@link #scan}, of the events stored by change {@code through} or earlier. */
  void scan(TenantId tenant, EventQuery query, long through, Consumer<? super Event> sink) {
    requireNonNull(tenant, "tenant");
    requireNonNull(query, "query");
    requireNonNull(sink, "sink");
    EventFilter filter = EventFilter.of(query);
    if (filter.matchesNothing()) {
      return;
    }
    String upTo = through == Long.MAX_VALUE ? "" : " AND seq <= :through";
    database.stream("scan events", tenant, handle -> {
      Query select = filter.bind(handle.createQuery(SELECT + filter.conditions() + upTo + ORDER), tenant);
      if (!upTo.isEmpty()) {
        select.bind("through", through);
      }
      InstantOrder ordered = new InstantOrder(sink);
      select.setFetchSize(FETCH_SIZE).map(EventRows::map).forEach(ordered);
      ordered.flush();
      return null;
    });
  }

  @Override
  public long count(TenantId tenant, EventQuery query) {
    requireNonNull(tenant, "tenant");
    requireNonNull(query, "query");
    EventFilter filter = EventFilter.of(query);
    if (filter.matchesNothing()) {
      return 0;
    }
    if (filter.matchesEverything()) {
      return database.read("count events", tenant, handle -> handle.createQuery(COUNT_ALL)
          .bind("tenant", tenant.value())
          .mapTo(Long.class)
          .findOne()
          .orElse(0L));
    }
    return database.read("count events", tenant, handle ->
        filter.bind(handle.createQuery(COUNT + filter.conditions()), tenant).mapTo(Long.class).one());
  }

  /**
   * Passes events on in the order they come, except that events of one instant are held back and
   * passed on sorted by id. Holds only the events of the current instant.
   */
  private static final class InstantOrder implements Consumer<Event> {
    private final Consumer<? super Event> sink;
    private final List<Event> sameInstant = new ArrayList<>();
    private Instant current = Instant.MIN;

    InstantOrder(Consumer<? super Event> sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Event event) {
      if (!event.at().equals(current)) {
        flush();
        current = event.at();
      }
      sameInstant.add(event);
    }

    void flush() {
      if (sameInstant.size() > 1) {
        sameInstant.sort((a, b) -> a.id().compareTo(b.id()));
      }
      for (Event event : sameInstant) {
        sink.accept(event);
      }
      sameInstant.clear();
    }
  }
}
