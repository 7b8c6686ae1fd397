package io.convener.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.convener.api.InvalidInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One shared Jackson mapper, and readers of request fields that name the field when it is bad. */
final class Jsons {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

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
    } catch (IOException e) {
      throw new InvalidInputException(null, 0, "the request body is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(null, 0, "the request body must be a JSON object");
    }
    return node;
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

  /** An RFC 3339 instant, naming the field when it is not one. */
  static Instant instant(String field, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "not an RFC 3339 instant: '" + value + "'");
    }
  }
}
