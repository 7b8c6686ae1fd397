package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.StorageException;
import io.convener.api.model.Attrs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonTest {
  private final ObjectMapper jackson = new ObjectMapper();

  @Test
  void stringArraysAreTheJsonJacksonWrites() throws Exception {
    List<List<String>> cases = List.of(
        List.of(), List.of("a"), List.of("say \"hi\"", "back\\slash", "tab\tnew\nline", "\u0001", "日本語 🎉", "\u2028"));
    for (List<String> items : cases) {
      String json = Json.array(items, Function.identity());
      // Reference: Jackson's own serialisation of the list.
      assertThat(json).isEqualTo(jackson.writeValueAsString(items));
      assertThat(Json.list(json, Function.identity(), "tags")).isEqualTo(items);
    }
  }

  @Test
  void attrsRoundTripWithLongsDoublesAndNesting() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("long", Long.MAX_VALUE);
    values.put("double", 0.1);
    values.put("integral double", 3.0);
    values.put("nested", Map.of("list", List.of(1L, "two", false, Map.of())));
    Attrs attrs = Attrs.of(values);

    assertThat(Json.attrs(Json.object(attrs))).isEqualTo(attrs);
    assertThat(Json.attrs(Json.object(Attrs.empty()))).isEqualTo(Attrs.empty());
  }

  @Test
  void corruptColumnsFailWithoutShowingTheirContent() {
    assertThatThrownBy(() -> Json.list("{\"secret@example.org\":1}", Function.identity(), "targets"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("targets")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    assertThatThrownBy(() -> Json.attrs("[1, 2"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("attrs");
  }
}
