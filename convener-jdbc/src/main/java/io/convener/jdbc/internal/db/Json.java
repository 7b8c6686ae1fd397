package io.convener.jdbc.internal.db;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.StorageException;
import io.convener.api.model.Attrs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON text of list and object columns: arrays of strings for ids, tags and skills, an object
 * for event attrs. One shared {@link ObjectMapper}; string arrays are written and read without
 * data binding because they are on the ingestion hot path. Thread-safe.
 */
public final class Json {
  /** The text of an empty array. */
  public static final String EMPTY_ARRAY = "[]";

  /** The text of an empty object. */
  public static final String EMPTY_OBJECT = "{}";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  private Json() {}

  /** A JSON array of the text of each item, in order. */
  public static <T> String array(List<T> items, Function<? super T, String> text) {
    if (items.isEmpty()) {
      return EMPTY_ARRAY;
    }
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    StringBuilder json = new StringBuilder(items.size() * 16).append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('"');
      encoder.quoteAsString(text.apply(items.get(i)), json);
      json.append('"');
    }
    return json.append(']').toString();
  }

  /**
   * The items of a stored JSON array of strings, each made into a value by {@code of}.
   *
   * @param column names the column in the error message
   * @throws StorageException when the stored text is not an array of strings
   */
  public static <T> List<T> list(String json, Function<String, T> of, String column) {
    if (EMPTY_ARRAY.equals(json)) {
      return List.of();
    }
    try (JsonParser parser = MAPPER.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw corrupt(column, null);
      }
      List<T> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          throw corrupt(column, null);
        }
        items.add(of.apply(parser.getText()));
      }
      return items;
    } catch (IOException e) {
      throw corrupt(column, e);
    }
  }

  /**
   * The JSON object of an event's attrs.
   *
   * @throws IllegalArgumentException when the attrs cannot be written (nested too deeply)
   */
  public static String object(Attrs attrs) {
    if (attrs.isEmpty()) {
      return EMPTY_OBJECT;
    }
    try {
      return MAPPER.writeValueAsString(attrs.values());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attrs cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The attrs of a stored JSON object.
   *
   * @throws StorageException when the stored text is not a JSON object
   */
  public static Attrs attrs(String json) {
    if (EMPTY_OBJECT.equals(json)) {
      return Attrs.empty();
    }
    try {
      return Attrs.of(MAPPER.readValue(json, OBJECT));
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt("attrs", e);
    }
  }

  private static StorageException corrupt(String column, @Nullable Exception cause) {
    return new StorageException(
        "the stored " + column + " column is not the JSON that Convener writes",
        cause != null ? cause : new IllegalStateException("unexpected JSON token"));
  }
}
