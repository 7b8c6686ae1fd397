package io.convener.jdbc.internal.backup;

import io.convener.api.TenantId;
import io.convener.spi.storage.TenantSnapshots.Column;
import io.convener.spi.storage.TenantSnapshots.Kind;
import io.convener.spi.storage.TenantSnapshots.Rows;
import io.convener.spi.storage.TenantSnapshots.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Inserts one table's rows of a tenant in batches, inside the caller's transaction. Checks the
 * columns against this store's table first, and every row's tenant: a row of another tenant in the
 * file is refused, so that a restore can never write into a tenant it was not asked to restore.
 */
final class TableLoad {
  private final Connection connection;
  private final TenantId tenant;
  private final String table;
  private final List<Column> columns;

  TableLoad(Connection connection, TenantId tenant, String table, List<Column> columns) {
    this.connection = connection;
    this.tenant = tenant;
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  void run(Source source) throws SQLException {
    int tenantColumn = check();
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    try (Rows rows = source.open(table, columns);
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
      long line = 0;
      int pending = 0;
      for (@Nullable Object[] row = rows.next(); row != null; row = rows.next()) {
        line++;
        if (!tenant.value().equals(row[tenantColumn])) {
          throw new IllegalArgumentException("row " + line + " of table " + table + " belongs to another tenant than '"
              + tenant + "'");
        }
        for (int i = 0; i < columns.size(); i++) {
          ColumnValues.bind(insert, i + 1, columns.get(i).kind(), row[i]);
        }
        insert.addBatch();
        if (++pending == JdbcTenantSnapshots.BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the rows of table " + table, e);
    }
  }

  /** Checks the columns against the table in this store; returns the index of tenant_id. */
  private int check() throws SQLException {
    Map<String, Kind> here = new HashMap<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT * FROM " + table + " WHERE tenant_id = ? AND 1 = 0")) {
      s.setString(1, tenant.value());
      try (ResultSet rs = s.executeQuery()) {
        ColumnValues.columns(rs.getMetaData()).forEach(c -> here.put(c.name(), c.kind()));
      }
    }
    int tenantColumn = -1;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Kind kind = here.get(column.name());
      if (kind == null) {
        throw new IllegalArgumentException("table " + table + " has no column " + column.name() + " in this store");
      }
      if (kind != column.kind()) {
        throw new IllegalArgumentException("column " + table + "." + column.name() + " holds " + kind
            + " values in this store, not " + column.kind());
      }
      if (column.name().equals("tenant_id")) {
        tenantColumn = i;
      }
    }
    if (tenantColumn < 0) {
      throw new IllegalArgumentException("the rows of table " + table + " have no tenant_id");
    }
    return tenantColumn;
  }
}
