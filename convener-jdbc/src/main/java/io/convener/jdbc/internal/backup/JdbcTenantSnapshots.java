package io.convener.jdbc.internal.backup;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import io.convener.spi.storage.TenantSnapshots;
import io.convener.jdbc.internal.backup.BackupTables.Table;
import io.convener.jdbc.internal.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * {@link TenantSnapshots} on the JDBC store. A snapshot is read on a connection of its own, outside
 * the pool, so that its transaction can be a deferred one on SQLite (the pool's connections begin
 * {@code IMMEDIATE}, which would hold the write lock for the whole backup); loads and removals run
 * through the store's write path, with its write lock and bounded retries.
 */
final class JdbcTenantSnapshots implements TenantSnapshots {
  static final String TENANTS =
      "SELECT DISTINCT tenant_id FROM tenants WHERE tenant_id >= :tenant ORDER BY tenant_id LIMIT :limit";
  static final String HOLDS = "SELECT COUNT(*) FROM tenants WHERE tenant_id = ?";
  /** Flyway creates its table with quoted lower-case names, which H2 keeps in lower case. */
  static final String SCHEMA_VERSIONS = "SELECT \"version\", \"success\" FROM \"convener_schema_history\"";
  /** Rows per insert batch when loading. */
  static final int BATCH = 500;

  private final Database database;

  @Inject
  JdbcTenantSnapshots(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public List<String> tables() {
    return BackupTables.TABLES.stream().map(Table::name).toList();
  }

  @Override
  public Map<String, String> excludedTables() {
    return BackupTables.EXCLUDED;
  }

  @Override
  public int schemaVersion(TenantId tenant) {
    return database.read("read the schema version", tenant, handle -> {
      int highest = 0;
      try (Statement s = handle.getConnection().createStatement(); ResultSet rs = s.executeQuery(SCHEMA_VERSIONS)) {
        while (rs.next()) {
          String version = rs.getString(1);
          if (version != null && rs.getBoolean(2) && version.matches("\\d+(\\..*)?")) {
            highest = Math.max(highest, Integer.parseInt(version.split("\\.")[0]));
          }
        }
      }
      return highest;
    });
  }

  @Override
  public List<TenantId> tenants(String from, int limit) {
    requireNonNull(from, "from");
    return database.read("list tenants", TenantId.of(from.isEmpty() ? "0" : from), handle -> handle.createQuery(TENANTS)
        .bind("tenant", from).bind("limit", limit).mapTo(String.class).map(TenantId::of).list());
  }

  @Override
  public String dialect() {
    return database.dialect().name();
  }

  @Override
  public boolean holds(TenantId tenant) {
    return database.read("look the tenant up", tenant, handle -> holds(handle.getConnection(), tenant));
  }

  private static boolean holds(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(HOLDS)) {
      s.setString(1, tenant.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  @Override
  public void read(TenantId tenant, Sink sink) {
    requireNonNull(sink, "sink");
    try (Connection c = snapshotConnection()) {
      try {
        if (!holds(c, tenant)) {
          throw new IllegalArgumentException("the " + database.settings().describe() + " holds no tenant '" + tenant + "'");
        }
        for (Table table : BackupTables.TABLES) {
          readTable(c, tenant, table, sink);
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StorageException("could not read a snapshot of tenant '" + tenant + "' from the "
          + database.settings().describe() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the snapshot of tenant '" + tenant + "'", e);
    }
  }

  private static void readTable(Connection c, TenantId tenant, Table table, Sink sink) throws SQLException, IOException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT * FROM " + table.name() + " WHERE tenant_id = ? ORDER BY " + table.key())) {
      s.setFetchSize(BATCH);
      s.setString(1, tenant.value());
      try (ResultSet rs = s.executeQuery()) {
        List<Column> columns = ColumnValues.columns(rs.getMetaData());
        sink.table(table.name(), columns);
        @Nullable Object[] row = new Object[columns.size()];
        while (rs.next()) {
          for (int i = 0; i < row.length; i++) {
            row[i] = ColumnValues.get(rs, i + 1, columns.get(i).kind());
          }
          sink.row(row);
        }
      }
    }
  }

  /**
   * A connection of its own in a read-only transaction that sees one snapshot: SQLite begins it
   * deferred (its first read fixes the snapshot, and writers go on in WAL mode), PostgreSQL at
   * repeatable read, H2 at serializable.
   */
  private Connection snapshotConnection() throws SQLException {
    JdbcSettings settings = database.settings();
    Dialect dialect = database.dialect();
    Properties properties = new Properties();
    dialect.connectionProperties(settings.url()).forEach(properties::setProperty);
    if (dialect == Dialect.SQLITE) {
      properties.setProperty("transaction_mode", "DEFERRED");
    }
    if (!settings.user().isEmpty()) {
      properties.setProperty("user", settings.user());
    }
    settings.password().ifPresent(p -> properties.setProperty("password", p));
    Connection c = DriverManager.getConnection(settings.url(), properties);
    try {
      c.setAutoCommit(false);
      if (dialect == Dialect.POSTGRESQL) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      } else if (dialect == Dialect.H2) {
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public boolean load(TenantId tenant, Map<String, List<Column>> columns, Source source) {
    requireNonNull(columns, "columns");
    requireNonNull(source, "source");
    for (String table : columns.keySet()) {
      if (!tables().contains(table)) {
        throw new IllegalArgumentException("table " + table + " is not one a backup restores");
      }
    }
    return database.update("restore tenant", tenant, handle -> {
      Connection c = handle.getConnection();
      if (holds(c, tenant)) {
        return false;
      }
      for (Table table : BackupTables.TABLES) {
        List<Column> given = columns.get(table.name());
        if (given != null) {
          new TableLoad(c, tenant, table.name(), given).run(source);
        }
      }
      return true;
    });
  }

  @Override
  public void remove(TenantId tenant) {
    List<String> order = new ArrayList<>(BackupTables.EXCLUDED.keySet());
    List<String> backedUp = new ArrayList<>(tables());
    Collections.reverse(backedUp);
    order.addAll(backedUp);
    database.update("remove tenant", tenant, handle -> {
      for (String table : order) {
        try (PreparedStatement s = handle.getConnection().prepareStatement(
            "DELETE FROM " + table + " WHERE tenant_id = ?")) {
          s.setString(1, tenant.value());
          s.executeUpdate();
        }
      }
      return null;
    });
  }
}
