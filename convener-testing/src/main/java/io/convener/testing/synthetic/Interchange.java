package io.convener.testing.synthetic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the writers share: the interchange field names (CONTRACT.md section 1), one Jackson factory
 * that separates root values by nothing (the writers end each line themselves), and the writing of
 * {@code attrs} values. Stateless and thread-safe. Not API.
 */
final class Interchange {
  /** Member fields, in the order written. */
  static final List<String> MEMBER_FIELDS =
      List.of("type", "id", "teams", "cohorts", "org", "displayName", "email", "skills");

  /** Event fields, in the order written. */
  static final List<String> EVENT_FIELDS =
      List.of("type", "id", "at", "kind", "actor", "targets", "team", "weight", "sentiment", "refs", "tags", "attrs");

  static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private Interchange() {}

  /**
   * Writes a JSON-like value: String, Number, Boolean, List or Map of the same. Integral types are
   * written as integers, others with a fraction ({@code 55.0}), so values read back as the same type.
   */
  static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** A double, written without a fraction when it is a whole number that fits a long exactly. */
  static void writeNumber(JsonGenerator g, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      g.writeNumber((long) value);
    } else {
      g.writeNumber(value);
    }
  }

  /** The same number as text, as {@link #writeNumber} writes it. */
  static String numberText(double value) {
    return value == Math.rint(value) && Math.abs(value) < 0x1p53
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
