package io.convener.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.convener.api.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shared Jackson mapper, and readers of request fields that name the field when it is bad. A
 * body is refused when it names a field twice, or when any of its strings holds an unpaired
 * surrogate, so nothing past this edge meets a string that has no UTF-8 form. Numbers
 * are read exactly (as {@link BigDecimal}), so a range error reports the number sent.
 */
final class Jsons {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private Jsons() {}

  static byte[] write(Object document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON response", e);
    }
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  static JsonNode object(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (StreamReadException e) {
      Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
      if (m.matches()) {
        throw new InvalidInputException(m.group(1), "is given more than once");
      }
      throw new InvalidInputException(null, 0, "the request body is not JSON");
    } catch (IOException e) {
      throw new InvalidInputException(null, 0, "the request body is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(null, 0, "the request body must be a JSON object");
    }
    checkStrings(node, "");
    return node;
  }

  /**
   * Refuses unpaired surrogates in every string of the tree, naming where. (Jackson's byte parser
   * already refuses them in field names.)
   */
  private static void checkStrings(JsonNode node, String path) {
    if (node.isTextual()) {
      checkText(path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkStrings(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        checkStrings(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
      }
    }
  }

  /** Refuses a string with an unpaired surrogate, which has no UTF-8 form; names the field, never echoes it. */
  static void checkText(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(field,
            "is not valid Unicode: it has an unpaired surrogate (\\u" + Integer.toHexString(c) + ") at index " + i);
      }
    }
  }

  static String required(JsonNode body, String field) {
    return optional(body, field).orElseThrow(() -> new InvalidInputException(field, "is required"));
  }

  static Optional<String> optional(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(field, "must be a string");
    }
    return Optional.of(v.asText());
  }

  static boolean requiredBoolean(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isBoolean()) {
      throw new InvalidInputException(field, "is required and must be true or false");
    }
    return v.booleanValue();
  }

  /**
   * An integer field from {@code min} to {@code max}, or {@code fallback} when it is absent. A
   * number with a fraction, or one out of range however large, is refused with the value sent.
   */
  static int integer(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    String range = "must be an integer from " + min + " to " + max;
    if (!v.isNumber()) {
      throw new InvalidInputException(field, range + "; it is not a number");
    }
    BigDecimal n = v.decimalValue();
    // Compare before any exact conversion: 1e400 or 1e-400 must never be expanded.
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(field, range + ", got " + v.asText());
    }
    if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
      throw new InvalidInputException(field, range + ", got " + v.asText());
    }
    return n.intValue();
  }

  /** A number field, or {@code fallback} when it is absent. */
  static double number(JsonNode body, String field, double fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new InvalidInputException(field, "must be a number");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new InvalidInputException(field, "is too large, got " + v.asText());
    }
    return d;
  }

  /** An RFC 3339 instant, naming the field when it is not one. */
  static Instant instant(String field, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "not an RFC 3339 instant: '" + value + "'");
    }
  }
}
