package io.convener.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema 2020-12 that docs/openapi.yaml uses:
 * {@code $ref} to {@code #/components/schemas/...}, {@code type} (one or a list), {@code required},
 * {@code properties}, {@code additionalProperties} (a schema), {@code items}, {@code enum}. Any
 * other keyword in the document fails the check, so the subset cannot silently grow.
 */
final class SchemaCheck {
  private static final List<String> KNOWN = List.of("$ref", "type", "required", "properties",
      "additionalProperties", "items", "enum", "format", "pattern", "minimum", "maximum", "minLength", "maxLength",
      "default", "description");

  private final JsonNode document;

  SchemaCheck(JsonNode document) {
    this.document = document;
  }

  /** The problems found, as JSON pointers with what is wrong; empty when the value conforms. */
  List<String> check(JsonNode schema, JsonNode value) {
    List<String> problems = new ArrayList<>();
    check(schema, value, "", problems);
    return problems;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KNOWN.contains(keyword)) {
        problems.add(at + ": schema keyword " + keyword + " is not supported by this check");
      }
    }
    if (schema.has("$ref")) {
      check(document.at(schema.get("$ref").asText().substring(1)), value, at, problems);
      return;
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      problems.add(at + ": expected " + schema.get("type") + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.equals(value);
      }
      if (!found) {
        problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          problems.add(at + ": missing required " + name.asText());
        }
      }
      for (Map.Entry<String, JsonNode> f : value.properties()) {
        JsonNode sub = schema.path("properties").get(f.getKey());
        if (sub == null) {
          sub = schema.get("additionalProperties");
        }
        if (sub != null && sub.isObject()) {
          check(sub, f.getValue(), at + "/" + f.getKey(), problems);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), at + "/" + i, problems);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
