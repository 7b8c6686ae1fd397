package io.convener.jdbc.internal.block;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.EventBlockStore;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Event blocks in the {@code event_blocks} table, one row per block, with one summary row per
 * stream in {@code event_block_streams} (blocks, events, next seq), so that neither an append nor
 * {@link #totals} reads the blocks.
 *
 * <p>{@link #append} numbers a block with its stream's next seq and {@link #replace} deletes the
 * stream and inserts the new blocks from 1, each updating the summary row in one write
 * transaction. On PostgreSQL that transaction first takes the write lock of the tenant's row (an
 * update that changes nothing), so that concurrent writers of one tenant's streams queue rather
 * than read the same summary; a writer of another process that still collides fails on a primary
 * key, and the {@link Database} retries its transaction. {@link #scan} reads the stream in one
 * query, in sequence order, with a small fetch size, in one read transaction so that PostgreSQL
 * streams it.
 * Thread-safe.
 */
final class JdbiEventBlockStore implements EventBlockStore {
  /** The longest stream name, the width of {@code event_blocks.stream}. */
  static final int MAX_STREAM_LENGTH = 100;

  /** Rows fetched per round trip when scanning: blocks are up to a mebibyte each. */
  static final int FETCH_SIZE = 4;

  /** Takes the tenant row's write lock until the transaction ends, without changing the row. */
  static final String LOCK_TENANT = "UPDATE tenants SET event_count = event_count WHERE tenant_id = :tenant";
  static final String SELECT_STREAM =
      "SELECT blocks, events, next_seq FROM event_block_streams WHERE tenant_id = :tenant AND stream = :stream";
  static final String INSERT_STREAM =
      """
      INSERT INTO event_block_streams (tenant_id, stream, blocks, events, next_seq)
      VALUES (:tenant, :stream, :blocks, :events, :nextSeq)""";
  static final String UPDATE_STREAM =
      """
      UPDATE event_block_streams SET blocks = :blocks, events = :events, next_seq = :nextSeq
      WHERE tenant_id = :tenant AND stream = :stream""";
  static final String INSERT =
      "INSERT INTO event_blocks (tenant_id, stream, seq, events, data) VALUES (?, ?, ?, ?, ?)";
  static final String DELETE = "DELETE FROM event_blocks WHERE tenant_id = :tenant AND stream = :stream";
  static final String SELECT =
      "SELECT seq, events, data FROM event_blocks WHERE tenant_id = :tenant AND stream = :stream ORDER BY seq";

  private final Database database;

  @Inject
  JdbiEventBlockStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public long append(TenantId tenant, String stream, Block block) {
    requireNonNull(tenant, "tenant");
    checkStream(stream);
    requireNonNull(block, "block");
    return database.write("append event block", tenant, handle -> {
      lockTenant(handle, tenant, database.dialect().singleWriter());
      Optional<Head> head = head(handle, tenant, stream);
      long seq = head.map(Head::nextSeq).orElse(1L);
      insert(handle, tenant, stream, List.of(block), seq);
      Totals before = head.map(Head::totals).orElse(new Totals(0, 0));
      setHead(handle, tenant, stream, head.isPresent(),
          new Head(new Totals(before.blocks() + 1, before.events() + block.events()), seq + 1));
      return seq;
    });
  }

  @Override
  public long replace(TenantId tenant, String stream, List<Block> blocks) {
    requireNonNull(tenant, "tenant");
    checkStream(stream);
    List<Block> given = List.copyOf(requireNonNull(blocks, "blocks"));
    return database.write("replace event blocks", tenant, handle -> {
      lockTenant(handle, tenant, database.dialect().singleWriter());
      Optional<Head> head = head(handle, tenant, stream);
      handle.createUpdate(DELETE).bind("tenant", tenant.value()).bind("stream", stream).execute();
      insert(handle, tenant, stream, given, 1);
      long events = 0;
      for (Block b : given) {
        events += b.events();
      }
      setHead(handle, tenant, stream, head.isPresent(), new Head(new Totals(given.size(), events), given.size() + 1L));
      return head.map(h -> h.totals().blocks()).orElse(0L);
    });
  }

  @Override
  public void scan(TenantId tenant, String stream, Consumer<? super Stored> sink) {
    requireNonNull(tenant, "tenant");
    checkStream(stream);
    requireNonNull(sink, "sink");
    database.stream("scan event blocks", tenant, handle -> {
      handle.createQuery(SELECT)
          .bind("tenant", tenant.value())
          .bind("stream", stream)
          .setFetchSize(FETCH_SIZE)
          .map((rs, ctx) -> {
            byte[] data = rs.getBytes(3);
            // Some drivers (SQLite) read an empty BLOB back as null; the column is NOT NULL.
            return new Stored(rs.getLong(1), rs.getLong(2), data == null ? new byte[0] : data);
          })
          .forEach(sink);
      return null;
    });
  }

  @Override
  public Totals totals(TenantId tenant, String stream) {
    requireNonNull(tenant, "tenant");
    checkStream(stream);
    return database.read("total event blocks", tenant, handle -> head(handle, tenant, stream)
        .map(Head::totals)
        .orElse(new Totals(0, 0)));
  }

  /** A stream's summary row: its totals and the seq its next block gets. */
  private record Head(Totals totals, long nextSeq) {}

  private static Optional<Head> head(Handle handle, TenantId tenant, String stream) {
    return handle.createQuery(SELECT_STREAM)
        .bind("tenant", tenant.value())
        .bind("stream", stream)
        .map((rs, ctx) -> new Head(new Totals(rs.getLong(1), rs.getLong(2)), rs.getLong(3)))
        .findOne();
  }

  private static void setHead(Handle handle, TenantId tenant, String stream, boolean exists, Head head) {
    handle.createUpdate(exists ? UPDATE_STREAM : INSERT_STREAM)
        .bind("tenant", tenant.value())
        .bind("stream", stream)
        .bind("blocks", head.totals().blocks())
        .bind("events", head.totals().events())
        .bind("nextSeq", head.nextSeq())
        .execute();
  }

  /**
   * Takes the tenant row's write lock, where writers may run at once (PostgreSQL). H2 and SQLite
   * writes of this process are serialised already, and SQLite's serialisable transactions make a
   * writer of another process that read the same summary fail and retry.
   */
  private static void lockTenant(Handle handle, TenantId tenant, boolean singleWriter) {
    if (singleWriter) {
      return;
    }
    handle.createUpdate(LOCK_TENANT).bind("tenant", tenant.value()).execute();
  }

  /** Inserts {@code blocks} as {@code first}, {@code first + 1}, ... of the stream. */
  private static void insert(Handle handle, TenantId tenant, String stream, List<Block> blocks, long first)
      throws SQLException {
    try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
      long seq = first;
      for (Block block : blocks) {
        insert.setString(1, tenant.value());
        insert.setString(2, stream);
        insert.setLong(3, seq++);
        insert.setLong(4, block.events());
        insert.setBytes(5, block.data());
        insert.executeUpdate();
      }
    }
  }

  private static void checkStream(String stream) {
    requireNonNull(stream, "stream");
    if (stream.isBlank()) {
      throw new IllegalArgumentException("stream must not be blank");
    }
    if (stream.length() > MAX_STREAM_LENGTH) {
      throw new IllegalArgumentException(
          "stream: at most " + MAX_STREAM_LENGTH + " characters, was " + stream.length());
    }
  }
}
