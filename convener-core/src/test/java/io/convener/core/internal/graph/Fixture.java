package io.convener.core.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A NetworkX reference fixture from {@code src/test/resources/graph} (see make_fixtures.py there). */
record Fixture(String name, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Fixture load(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/graph/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new Fixture(name, MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int nodes() {
    return json.get("nodes").asInt();
  }

  InteractionGraph graph() {
    InteractionGraph.Builder b = InteractionGraph.builder(nodes());
    for (JsonNode e : json.get("edges")) {
      b.add(e.get(0).asInt(), e.get(1).asInt(), e.get(2).asDouble());
    }
    return b.build();
  }

  /** Expected values; NaN where NetworkX gave NaN (stored as null). */
  double[] values(String field) {
    JsonNode array = json.get(field);
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
    }
    return v;
  }

  int[] ints(String field) {
    JsonNode array = json.get(field);
    int[] v = new int[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asInt();
    }
    return v;
  }

  double number(String field) {
    return json.get(field).asDouble();
  }
}
