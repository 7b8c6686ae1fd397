package io.convener.core.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.convener.api.model.Attrs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one UTF-8 byte form of a JSON value, so that
 * equal values hash equally whatever order their members were built in.
 *
 * <p>Values are plain Java values, as {@link Attrs} holds them: {@code null}, {@link Boolean},
 * {@link String}, {@link Number}, {@link List} and {@link Map} with {@link String} keys (an {@link
 * Attrs} counts as its map). Object members are sorted by the UTF-16 code units of their names
 * (§3.2.3); strings are escaped as §3.2.2.2 says (only {@code "}, {@code \}, and U+0000 to U+001F,
 * the latter as {@code \b \t \n \f \r} or <code>&#92;u00xx</code> in lower case); numbers are written as
 * ECMAScript writes a double (§3.2.2.3): {@code -0} as {@code 0}, integers beyond 2^53 rounded to
 * the nearest double as I-JSON requires, {@link Float}, {@link BigInteger} and {@link BigDecimal}
 * through {@link Number#doubleValue()}. There is no whitespace.
 *
 * <p>Rejected with {@link IllegalArgumentException} naming the path of the value: NaN and the
 * infinities, strings with unpaired surrogates (I-JSON, RFC 7493 §2.1), map keys that are not
 * strings, other types (a {@link java.util.Set} has no order), and nesting deeper than {@value
 * #MAX_DEPTH}. Stateless and thread-safe.
 */
public final class CanonicalJson {
  /** The deepest nesting of arrays and objects accepted; also stops cyclic structures. */
  public static final int MAX_DEPTH = 500;

  private CanonicalJson() {}

  /**
   * The canonical UTF-8 bytes of {@code value}.
   *
   * @param value a JSON value as described on the type; {@code null} is JSON {@code null}
   * @throws IllegalArgumentException if {@code value} is not a JSON value that JCS can write
   */
  public static byte[] toBytes(@Nullable Object value) {
    return toText(value).getBytes(UTF_8);
  }

  /**
   * The canonical text of {@code value}; its UTF-8 encoding is {@link #toBytes(Object)}.
   *
   * @param value a JSON value as described on the type; {@code null} is JSON {@code null}
   * @throws IllegalArgumentException if {@code value} is not a JSON value that JCS can write
   */
  public static String toText(@Nullable Object value) {
    StringBuilder out = new StringBuilder(64);
    write(value, out, "$", 0);
    return out.toString();
  }

  /**
   * A double as JCS and ECMAScript write it: {@code 1e+21}, {@code 0.000001}, {@code 1e-7},
   * {@code 333333333.3333333}, {@code -0} as {@code 0}.
   *
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static String number(double value) {
    return EcmaNumbers.format(value);
  }

  /**
   * A long as JCS writes it: exactly when it is within ±2^53, otherwise the nearest double.
   */
  public static String number(long value) {
    return EcmaNumbers.format(value);
  }

  private static void write(@Nullable Object value, StringBuilder out, String path, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out, path);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Number n) {
      writeNumber(n, out, path);
    } else if (value instanceof Attrs attrs) {
      writeObject(attrs.values(), out, path, depth);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out, path, depth);
    } else if (value instanceof List<?> list) {
      checkDepth(path, depth);
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out, path + "[" + i + "]", depth + 1);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          path + ": not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out, String path, int depth) {
    checkDepth(path, depth);
    List<String> names = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException(path + ": object member names must be strings, got "
            + (key == null ? "null" : key.getClass().getName()));
      }
      names.add(name);
    }
    names.sort(null); // String.compareTo compares UTF-16 code units, as §3.2.3 asks
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (i > 0) {
        out.append(',');
      }
      writeString(name, out, path);
      out.append(':');
      write(map.get(name), out, path + "." + name, depth + 1);
    }
    out.append('}');
  }

  private static void checkDepth(String path, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static void writeNumber(Number n, StringBuilder out, String path) {
    try {
      if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
        out.append(EcmaNumbers.format(n.longValue()));
      } else if (n instanceof BigInteger big && big.bitLength() < 64) {
        out.append(EcmaNumbers.format(big.longValue()));
      } else {
        out.append(EcmaNumbers.format(n.doubleValue()));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static void writeString(String s, StringBuilder out, String path) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException(
                path + ": string has an unpaired surrogate U+" + String.format("%04X", (int) c)
                    + " at index " + i + " (RFC 7493 §2.1)");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
