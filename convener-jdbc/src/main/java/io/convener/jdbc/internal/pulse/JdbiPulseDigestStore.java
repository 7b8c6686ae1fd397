package io.convener.jdbc.internal.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.PulseDigestStore;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Pulse digests in {@code pulse_days}, with the position and first day of each tenant in {@code
 * pulse_digest_heads} (migration V19).
 *
 * <p>{@link #append} moves the head by an {@code UPDATE ... WHERE through_change = :after}: on
 * PostgreSQL the update takes the head row's lock, and a concurrent writer that moved it first
 * leaves it matching no row, so the loser writes nothing; H2 and SQLite serialise writers. A first
 * append inserts the head, and a writer that races it fails on the primary key, is retried by the
 * {@link Database} and then finds the head. {@link #load} reads the head and the parts in one
 * statement (a join), so that it sees one committed state on all three databases: each statement
 * reads one snapshot. Thread-safe.
 */
final class JdbiPulseDigestStore implements PulseDigestStore {
  /** Rows fetched per round trip when loading: parts are up to a few hundred KiB. */
  static final int FETCH_SIZE = 16;

  static final String HEAD = "SELECT through_change, first_day FROM pulse_digest_heads WHERE tenant_id = :tenant";
  static final String CHANGE_OF = """
      SELECT e.seq, (SELECT COUNT(*) FROM events c WHERE c.tenant_id = :tenant AND c.seq = e.seq)
      FROM events e WHERE e.tenant_id = :tenant AND e.event_id = :id""";
  static final String INSERT_HEAD =
      "INSERT INTO pulse_digest_heads (tenant_id, through_change, first_day) VALUES (:tenant, :through, :firstDay)";
  static final String MOVE_HEAD = """
      UPDATE pulse_digest_heads SET through_change = :through, first_day = :firstDay
      WHERE tenant_id = :tenant AND through_change = :after""";
  static final String LOCK_HEAD =
      "UPDATE pulse_digest_heads SET through_change = through_change WHERE tenant_id = :tenant";
  static final String INSERT_PART = "INSERT INTO pulse_days (tenant_id, epoch_day, part, data) VALUES (?, ?, ?, ?)";
  static final String COUNT_PARTS = "SELECT COUNT(*) FROM pulse_days WHERE tenant_id = :tenant AND epoch_day = :day";
  static final String DAY_PARTS = "SELECT part, data FROM pulse_days WHERE tenant_id = :tenant AND epoch_day = :day ORDER BY part";
  static final String DELETE_DAY = "DELETE FROM pulse_days WHERE tenant_id = :tenant AND epoch_day = :day";
  static final String LOAD = """
      SELECT h.through_change, h.first_day, d.epoch_day, d.data
      FROM pulse_digest_heads h
      LEFT JOIN pulse_days d ON d.tenant_id = :tenant AND d.epoch_day >= :fromDay
      WHERE h.tenant_id = :tenant
      ORDER BY d.epoch_day, d.part""";

  private final Database database;

  @Inject
  JdbiPulseDigestStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  /** A tenant's head row. */
  private record Head(long through, OptionalInt firstDay) {}

  @Override
  public OptionalLong position(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read pulse digest position", tenant, handle -> head(handle, tenant)
        .map(h -> OptionalLong.of(h.through())).orElse(OptionalLong.empty()));
  }

  @Override
  public Optional<Change> changeOf(TenantId tenant, EventId event) {
    requireNonNull(tenant, "tenant");
    requireNonNull(event, "event");
    return database.read("read the change of an event", tenant, handle -> handle.createQuery(CHANGE_OF)
        .bind("tenant", tenant.value())
        .bind("id", event.value())
        .map((rs, ctx) -> new Change(rs.getLong(1), rs.getLong(2)))
        .findOne());
  }

  @Override
  public OptionalInt append(TenantId tenant, OptionalLong after, long through, List<Part> parts) {
    requireNonNull(tenant, "tenant");
    requireNonNull(after, "after");
    List<Part> given = List.copyOf(requireNonNull(parts, "parts"));
    if (after.isPresent() && through < after.getAsLong()) {
      throw new IllegalArgumentException("through (" + through + ") is lower than after (" + after.getAsLong() + ")");
    }
    return database.write("append pulse digests", tenant, handle -> {
      Optional<Head> head = head(handle, tenant);
      if (head.isPresent() != after.isPresent()
          || head.isPresent() && head.get().through() != after.getAsLong()) {
        return OptionalInt.empty();
      }
      Integer firstDay = head.flatMap(h -> h.firstDay().isPresent()
          ? Optional.of(h.firstDay().getAsInt()) : Optional.empty()).orElse(null);
      for (Part p : given) {
        firstDay = firstDay == null ? p.day() : Math.min(firstDay, p.day());
      }
      if (head.isEmpty()) {
        handle.createUpdate(INSERT_HEAD).bind("tenant", tenant.value()).bind("through", through)
            .bind("firstDay", firstDay).execute();
      } else if (handle.createUpdate(MOVE_HEAD).bind("tenant", tenant.value()).bind("through", through)
          .bind("firstDay", firstDay).bind("after", after.getAsLong()).execute() != 1) {
        return OptionalInt.empty();
      }
      insertParts(handle, tenant, given, through);
      int most = 0;
      for (int day : given.stream().map(Part::day).distinct().toList()) {
        most = Math.max(most, handle.createQuery(COUNT_PARTS).bind("tenant", tenant.value()).bind("day", day)
            .mapTo(Integer.class).one());
      }
      return OptionalInt.of(most);
    });
  }

  @Override
  public boolean merge(TenantId tenant, int day, int minParts, Function<List<byte[]>, byte[]> merge) {
    requireNonNull(tenant, "tenant");
    requireNonNull(merge, "merge");
    return database.update("merge pulse digests", tenant, handle -> {
      if (handle.createUpdate(LOCK_HEAD).bind("tenant", tenant.value()).execute() != 1) {
        return false;
      }
      List<byte[]> data = new ArrayList<>();
      long newest = Long.MIN_VALUE;
      for (var row : handle.createQuery(DAY_PARTS).bind("tenant", tenant.value()).bind("day", day)
          .map((rs, ctx) -> new Object[] {rs.getLong(1), bytes(rs, 2)}).list()) {
        newest = Math.max(newest, (Long) row[0]);
        data.add((byte[]) row[1]);
      }
      if (data.size() < Math.max(2, minParts)) {
        return false;
      }
      byte[] merged = requireNonNull(merge.apply(List.copyOf(data)), "merged");
      handle.createUpdate(DELETE_DAY).bind("tenant", tenant.value()).bind("day", day).execute();
      insertParts(handle, tenant, List.of(new Part(day, merged)), newest);
      return true;
    });
  }

  @Override
  public Optional<Loaded> load(TenantId tenant, int fromDay, Consumer<? super Part> sink) {
    requireNonNull(tenant, "tenant");
    requireNonNull(sink, "sink");
    Loaded[] loaded = new Loaded[1];
    database.stream("load pulse digests", tenant, handle -> {
      try (PreparedStatement load = handle.getConnection().prepareStatement(
          LOAD.replace(":fromDay", "?").replace(":tenant", "?"))) {
        load.setString(1, tenant.value());
        load.setInt(2, fromDay);
        load.setString(3, tenant.value());
        load.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = load.executeQuery()) {
          while (rs.next()) {
            if (loaded[0] == null) {
              int first = rs.getInt(2);
              loaded[0] = new Loaded(rs.getLong(1), rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(first));
            }
            int day = rs.getInt(3);
            if (!rs.wasNull()) {
              sink.accept(new Part(day, bytes(rs, 4)));
            }
          }
        }
      }
      return null;
    });
    return Optional.ofNullable(loaded[0]);
  }

  private static Optional<Head> head(Handle handle, TenantId tenant) {
    return handle.createQuery(HEAD).bind("tenant", tenant.value()).map((rs, ctx) -> {
      long through = rs.getLong(1);
      int first = rs.getInt(2);
      return new Head(through, rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(first));
    }).findOne();
  }

  private static void insertParts(Handle handle, TenantId tenant, List<Part> parts, long part) throws java.sql.SQLException {
    try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT_PART)) {
      for (Part p : parts) {
        insert.setString(1, tenant.value());
        insert.setInt(2, p.day());
        insert.setLong(3, part);
        insert.setBytes(4, p.data());
        insert.executeUpdate();
      }
    }
  }

  /** Some drivers (SQLite) read an empty BLOB back as null; the column is NOT NULL. */
  private static byte[] bytes(ResultSet rs, int column) throws java.sql.SQLException {
    byte[] data = rs.getBytes(column);
    return data == null ? new byte[0] : data;
  }
}
