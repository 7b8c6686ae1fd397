package io.convener.api.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The free-form {@code attrs} object of an event: a JSON object held as plain Java values. Values
 * are {@link String}, {@link Number} ({@code Long} or {@code Double}), {@link Boolean}, {@link
 * List} or {@link Map} of the same; JSON {@code null} members are dropped. Deeply immutable,
 * thread-safe, insertion-ordered.
 *
 * @param values the members of the object
 */
public record Attrs(Map<String, Object> values) {
  private static final Attrs EMPTY = new Attrs(Map.of());

  /** Validates and deep-copies the values. */
  public Attrs {
    values = freezeObject(requireNonNull(values, "attrs"), "attrs");
  }

  /** The empty object. */
  public static Attrs empty() {
    return EMPTY;
  }

  /** Wraps a map of JSON-like values (copied deeply). */
  public static Attrs of(Map<String, ?> values) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) values;
    return values.isEmpty() ? EMPTY : new Attrs(map);
  }

  /** Whether the object has no members. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The value of a member, if present. */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A string member, if present and a string. */
  public Optional<String> string(String key) {
    return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** A numeric member, if present and a number. */
  public OptionalDouble number(String key) {
    return values.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** An array member, if present and an array. */
  public Optional<List<Object>> list(String key) {
    if (values.get(key) instanceof List<?> l) {
      return Optional.of(Collections.unmodifiableList(l));
    }
    return Optional.empty();
  }

  private static Map<String, Object> freezeObject(Map<?, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(path + " keys must be strings");
      }
      if (e.getValue() != null) {
        copy.put(key, freeze(e.getValue(), path + "." + key));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object value, String path) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Long || value instanceof Double) {
      if (value instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " must be a finite number");
      }
      return value;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Map<?, ?> m) {
      return freezeObject(m, path);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        Object item = l.get(i);
        if (item != null) {
          copy.add(freeze(item, path + "[" + i + "]"));
        }
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        path + " must hold JSON values only, got " + value.getClass().getSimpleName());
  }
}
