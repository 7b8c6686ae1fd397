package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's rows, table by table, as backups read and restores write them: the storage side of
 * {@code io.convener.api.backup.Backups}. Covers every table that holds tenant rows, except caches
 * that are rebuilt from the record and state that belongs to the deployment rather than the tenant
 * ({@link #excludedTables()} says which and why). A storage back end binds it beside its stores
 * (convener-jdbc's {@code JdbcStorageModule} does); thread-safe.
 *
 * <p>Values are {@link String} (text columns), {@link Long} (integer columns), {@link Double}
 * (floating-point columns), {@code byte[]} (binary columns) or null, whatever the database.
 */
public interface TenantSnapshots {
  /** The kind of a column's values, the same on every database. */
  enum Kind {
    /** Text: {@link String}. */
    TEXT,
    /** A whole number: {@link Long}. */
    INTEGER,
    /** A floating-point number: {@link Double}. */
    REAL,
    /** Bytes: {@code byte[]}. */
    BYTES
  }

  /**
   * A column of a table.
   *
   * @param name its name, lower case
   * @param kind the kind of its values
   */
  record Column(String name, Kind kind) {
    /** Validates. */
    public Column {
      requireNonNull(name, "name");
      requireNonNull(kind, "kind");
    }
  }

  /** Receives a snapshot: each table's columns, then its rows in primary-key order. */
  interface Sink {
    /** A table begins; its rows follow. */
    void table(String table, List<Column> columns) throws IOException;

    /** A row of the current table, one value per column; the array is reused after the call. */
    void row(@Nullable Object[] values) throws IOException;
  }

  /** Rows of one table to load, read once per attempt of the load transaction. */
  interface Rows extends AutoCloseable {
    /** The next row, one value per column of the table's part, or null after the last. */
    @Nullable Object @Nullable [] next() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** Opens the rows to load into one table; called again when the load transaction is retried. */
  interface Source {
    /** The rows of {@code table} with these columns. */
    Rows open(String table, List<Column> columns) throws IOException;
  }

  /** The tables backed up, in the order they are restored (parents before children). */
  List<String> tables();

  /** Tables that hold tenant rows but are left out of backups, each with the reason. */
  Map<String, String> excludedTables();

  /** The store's schema version: the highest migration applied. */
  int schemaVersion(TenantId tenant);

  /**
   * The tenants of the store, in id order, whose ids are {@code from} or after it (the empty string
   * for the first page), at most {@code limit}.
   */
  List<TenantId> tenants(String from, int limit);

  /** The database, such as {@code SQLITE}: for convener-jdbc, the name of its {@code Dialect}. */
  String dialect();

  /** Whether the store holds the tenant. */
  boolean holds(TenantId tenant);

  /**
   * Reads every backed-up table of the tenant in one read-only transaction that sees one snapshot
   * of the store, without blocking writers (on SQLite a deferred transaction in WAL mode, on
   * PostgreSQL repeatable read, on H2 serializable), and hands the rows to {@code sink}.
   *
   * @throws IllegalArgumentException when the store does not hold the tenant
   * @throws io.convener.api.StorageException when the store fails
   * @throws java.io.UncheckedIOException when the sink fails
   */
  void read(TenantId tenant, Sink sink);

  /**
   * Loads the tenant's rows in one write transaction: for each table of {@code columns} (which must
   * be tables of {@link #tables()}), in the order of {@link #tables()}, the rows {@code source} gives.
   *
   * @return false, having written nothing, when the store already holds the tenant
   * @throws IllegalArgumentException when a table or column is not in this store's schema, or a
   *     column's kind differs; nothing is written
   * @throws io.convener.api.StorageException when the store fails; nothing is written
   */
  boolean load(TenantId tenant, Map<String, List<Column>> columns, Source source);

  /** Deletes every row of the tenant, the tenant itself last, in one transaction. */
  void remove(TenantId tenant);
}
