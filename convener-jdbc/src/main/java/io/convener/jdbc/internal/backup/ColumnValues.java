package io.convener.jdbc.internal.backup;

import io.convener.spi.storage.TenantSnapshots.Column;
import io.convener.spi.storage.TenantSnapshots.Kind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Columns and their values the same way on H2, SQLite and PostgreSQL. The kind of a column comes
 * from its declared type name (SQLite's driver reports a {@code BYTEA} column as numeric), with the
 * JDBC type as the fallback.
 */
final class ColumnValues {
  private ColumnValues() {}

  /** The columns of a result set, names in lower case. */
  static List<Column> columns(ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
      columns.add(new Column(name, kind(meta.getColumnTypeName(i), meta.getColumnType(i), name)));
    }
    return List.copyOf(columns);
  }

  static Kind kind(@Nullable String typeName, int jdbcType, String column) throws SQLException {
    String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB")) {
      return Kind.TEXT;
    }
    if (type.contains("BYTEA") || type.contains("BINARY") || type.contains("BLOB")) {
      return Kind.BYTES;
    }
    if (type.contains("DOUBLE") || type.contains("FLOAT") || type.contains("REAL")) {
      return Kind.REAL;
    }
    if (type.contains("INT")) {
      return Kind.INTEGER;
    }
    return switch (jdbcType) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB -> Kind.TEXT;
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INTEGER;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.REAL;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
      default -> throw new SQLException("column " + column + " has a type backups do not know: " + typeName);
    };
  }

  /** The value of column {@code i} (1-based) of the current row, as its kind says. */
  static @Nullable Object get(ResultSet rs, int i, Kind kind) throws SQLException {
    Object value = switch (kind) {
      case TEXT -> rs.getString(i);
      case INTEGER -> rs.getLong(i);
      case REAL -> rs.getDouble(i);
      case BYTES -> rs.getBytes(i);
    };
    return rs.wasNull() ? null : value;
  }

  /** Binds {@code value} (of the column's kind, or null) to parameter {@code i}. */
  static void bind(PreparedStatement statement, int i, Kind kind, @Nullable Object value) throws SQLException {
    if (value == null) {
      statement.setNull(i, switch (kind) {
        case TEXT -> Types.VARCHAR;
        case INTEGER -> Types.BIGINT;
        case REAL -> Types.DOUBLE;
        case BYTES -> Types.BINARY;
      });
      return;
    }
    switch (kind) {
      case TEXT -> statement.setString(i, (String) value);
      case INTEGER -> statement.setLong(i, (Long) value);
      case REAL -> statement.setDouble(i, (Double) value);
      case BYTES -> statement.setBytes(i, (byte[]) value);
    }
  }
}
