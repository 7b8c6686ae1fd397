package io.convener.core.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.convener.api.IntegrityException;
import io.convener.spi.storage.TenantSnapshots.Column;
import io.convener.spi.storage.TenantSnapshots.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text of a part: a header line {@code {"table":T,"columns":[[name,kind],...]}}, then one JSON
 * array per row, one line each, values in column order: text as strings, integers and reals as
 * numbers (reals that are not finite as the strings {@code NaN}, {@code Infinity}), bytes as base64
 * strings, null as null.
 */
final class PartFormat {
  /** Streams are closed by their owners: a parser at the end of a part leaves it open to be drained. */
  static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private PartFormat() {}

  static void writeHeader(JsonGenerator out, String table, List<Column> columns) throws IOException {
    out.writeStartObject();
    out.writeStringField("table", table);
    out.writeArrayFieldStart("columns");
    for (Column c : columns) {
      out.writeStartArray();
      out.writeString(c.name());
      out.writeString(c.kind().name());
      out.writeEndArray();
    }
    out.writeEndArray();
    out.writeEndObject();
    out.writeRaw('\n');
  }

  static void writeRow(JsonGenerator out, List<Column> columns, @Nullable Object[] values) throws IOException {
    out.writeStartArray();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        out.writeNull();
        continue;
      }
      switch (columns.get(i).kind()) {
        case TEXT -> out.writeString((String) v);
        case INTEGER -> out.writeNumber((Long) v);
        case REAL -> {
          double d = (Double) v;
          if (Double.isFinite(d)) {
            out.writeNumber(d);
          } else {
            out.writeString(Double.toString(d));
          }
        }
        case BYTES -> out.writeString(Base64.getEncoder().encodeToString((byte[]) v));
      }
    }
    out.writeEndArray();
    out.writeRaw('\n');
  }

  /** A part's header: the table and its columns. */
  record Header(String table, List<Column> columns) {}

  static Header readHeader(JsonParser in, String part) throws IOException {
    if (in.nextToken() != JsonToken.START_OBJECT) {
      throw damaged(part, in, "has no header line");
    }
    String table = null;
    List<Column> columns = new ArrayList<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      if (field.equals("table") && value == JsonToken.VALUE_STRING) {
        table = in.getText();
      } else if (field.equals("columns") && value == JsonToken.START_ARRAY) {
        while (in.nextToken() == JsonToken.START_ARRAY) {
          String name = nextString(in, part);
          String kind = nextString(in, part);
          if (in.nextToken() != JsonToken.END_ARRAY) {
            throw damaged(part, in, "has a malformed column in its header");
          }
          try {
            columns.add(new Column(name, Kind.valueOf(kind)));
          } catch (IllegalArgumentException e) {
            throw damaged(part, in, "names an unknown column kind " + kind);
          }
        }
      } else {
        in.skipChildren();
      }
    }
    if (table == null || columns.isEmpty()) {
      throw damaged(part, in, "has a header without its table or columns");
    }
    return new Header(table, List.copyOf(columns));
  }

  /** The next row, or null at the end of the part. */
  static @Nullable Object @Nullable [] readRow(JsonParser in, List<Column> columns, String part) throws IOException {
    JsonToken start = in.nextToken();
    if (start == null) {
      return null;
    }
    if (start != JsonToken.START_ARRAY) {
      throw damaged(part, in, "is not a row");
    }
    @Nullable Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      JsonToken t = in.nextToken();
      row[i] = t == JsonToken.VALUE_NULL ? null : value(in, t, columns.get(i), part);
    }
    if (in.nextToken() != JsonToken.END_ARRAY) {
      throw damaged(part, in, "has more values than its " + columns.size() + " columns");
    }
    return row;
  }

  private static Object value(JsonParser in, @Nullable JsonToken t, Column column, String part) throws IOException {
    switch (column.kind()) {
      case TEXT:
        if (t == JsonToken.VALUE_STRING) {
          return in.getText();
        }
        break;
      case INTEGER:
        if (t == JsonToken.VALUE_NUMBER_INT) {
          return in.getLongValue();
        }
        break;
      case REAL:
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          return in.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING && in.getText().matches("NaN|-?Infinity")) {
          return Double.parseDouble(in.getText());
        }
        break;
      case BYTES:
        if (t == JsonToken.VALUE_STRING) {
          try {
            return Base64.getDecoder().decode(in.getText());
          } catch (IllegalArgumentException e) {
            throw damaged(part, in, "has bytes that are not base64 in column " + column.name());
          }
        }
        break;
    }
    throw damaged(part, in, "has a value of the wrong kind in column " + column.name());
  }

  private static String nextString(JsonParser in, String part) throws IOException {
    if (in.nextToken() != JsonToken.VALUE_STRING) {
      throw damaged(part, in, "has a malformed column in its header");
    }
    return in.getText();
  }

  static IntegrityException damaged(String part, JsonParser in, String what) {
    return new IntegrityException("the backup is damaged: line " + in.currentLocation().getLineNr() + " of part "
        + part + " " + what);
  }
}
