package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV form: the contract's field names as header, lists joined by ';', attrs as JSON text. */
class CsvWriterTest {
  private final GeneratedOrganisation org =
      SyntheticOrganisation.builder().seed(5).members(40).weeks(3).build().generate();

  private static String write(GeneratedOrganisation org) {
    StringWriter out = new StringWriter();
    try (CsvWriter w = CsvWriter.to(out)) {
      w.writeAll(org);
    }
    return out.toString();
  }

  @Test
  void headerIsTheUnionOfTheInterchangeFields() {
    assertThat(CsvWriter.HEADER).containsExactly("type", "id", "teams", "cohorts", "org", "displayName", "email",
        "skills", "at", "kind", "actor", "targets", "team", "weight", "sentiment", "refs", "tags", "attrs");
    StringWriter empty = new StringWriter();
    CsvWriter.to(empty).close();
    assertThat(empty.toString()).isEqualTo(String.join(",", CsvWriter.HEADER) + "\n");
  }

  @Test
  void rowsCarryTheSameValues() throws Exception {
    List<List<String>> rows = parse(write(org));
    List<Event> events = Fixtures.materialise(org);
    assertThat(rows.get(0)).isEqualTo(CsvWriter.HEADER);
    assertThat(rows).hasSize(1 + org.members().size() + events.size());
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < org.members().size(); i++) {
      Map<String, String> row = asMap(rows.get(1 + i));
      Member m = org.members().get(i);
      assertThat(row.get("type")).isEqualTo("member");
      assertThat(row.get("id")).isEqualTo(m.id().value());
      assertThat(row.get("skills")).isEqualTo(String.join(";", m.skills()));
      assertThat(row.get("displayName")).isEqualTo(m.displayName().orElseThrow());
      assertThat(row.get("kind")).isEmpty();
    }
    for (int i = 0; i < events.size(); i++) {
      Map<String, String> row = asMap(rows.get(1 + org.members().size() + i));
      Event e = events.get(i);
      assertThat(row.get("type")).isEqualTo("event");
      assertThat(row.get("id")).isEqualTo(e.id().value());
      assertThat(row.get("at")).isEqualTo(e.at().toString());
      assertThat(row.get("kind")).isEqualTo(e.kind().wireName());
      assertThat(row.get("targets")).isEqualTo(String.join(";", e.targets().stream().map(t -> t.value()).toList()));
      assertThat(row.get("refs")).isEqualTo(String.join(";", e.refs().stream().map(r -> r.value()).toList()));
      assertThat(row.get("weight").isEmpty() ? 1.0 : Double.parseDouble(row.get("weight"))).isEqualTo(e.weight());
      if (e.attrs().isEmpty()) {
        assertThat(row.get("attrs")).isEmpty();
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> attrs = mapper.readValue(row.get("attrs"), Map.class);
        assertThat(Attrs.of(attrs)).isEqualTo(e.attrs());
      }
    }
  }

  @Test
  void writesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("org.csv");
    long rows = CsvWriter.write(org, file);
    assertThat(rows).isEqualTo(org.members().size() + Fixtures.materialise(org).size());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(write(org));
  }

  private static Map<String, String> asMap(List<String> row) {
    assertThat(row).hasSameSizeAs(CsvWriter.HEADER);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      map.put(CsvWriter.HEADER.get(i), row.get(i));
    }
    return map;
  }

  /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    assertThat(row).isEmpty();
    return rows;
  }
}
