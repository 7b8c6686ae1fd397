package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Lines output parses back into the same values, under the contract's field names. */
class JsonLinesWriterTest {
  private static final Set<String> MEMBER_FIELDS =
      Set.of("type", "id", "teams", "cohorts", "org", "displayName", "email", "skills");
  private static final Set<String> EVENT_FIELDS = Set.of(
      "type", "id", "at", "kind", "actor", "targets", "team", "weight", "sentiment", "refs", "tags", "attrs");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GeneratedOrganisation org =
      SyntheticOrganisation.builder().seed(3).members(60).weeks(4).build().generate();

  private static String write(GeneratedOrganisation org) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter w = JsonLinesWriter.to(out)) {
      w.writeAll(org);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesParseBackIntoTheSameValues() throws Exception {
    String text = write(org);
    assertThat(text).endsWith("\n").doesNotContain("\r");
    String[] lines = text.split("\n");
    List<Event> events = Fixtures.materialise(org);
    assertThat(lines).hasSize(org.members().size() + events.size());
    for (int i = 0; i < lines.length; i++) {
      JsonNode node = MAPPER.readTree(lines[i]);
      assertThat(node.fieldNames().next()).isEqualTo("type");
      if (i < org.members().size()) {
        assertMember(node, org.members().get(i));
      } else {
        assertEvent(node, events.get(i - org.members().size()));
      }
    }
  }

  private static void assertMember(JsonNode node, Member m) {
    assertThat(names(node)).isSubsetOf(MEMBER_FIELDS);
    assertThat(node.get("type").asText()).isEqualTo("member");
    assertThat(node.get("id").asText()).isEqualTo(m.id().value());
    assertThat(texts(node.get("teams"))).containsExactlyElementsOf(m.teams().stream().map(t -> t.value()).toList());
    assertThat(texts(node.get("cohorts"))).containsExactlyElementsOf(m.cohorts().stream().map(c -> c.value()).toList());
    assertThat(node.get("org").asText()).isEqualTo(m.org().orElseThrow().path());
    assertThat(node.get("displayName").asText()).isEqualTo(m.displayName().orElseThrow());
    assertThat(node.get("email").asText()).isEqualTo(m.email().orElseThrow());
    assertThat(texts(node.get("skills"))).containsExactlyElementsOf(m.skills());
  }

  private static void assertEvent(JsonNode node, Event e) throws Exception {
    assertThat(names(node)).isSubsetOf(EVENT_FIELDS).contains("type", "id", "at", "kind", "actor");
    assertThat(node.get("type").asText()).isEqualTo("event");
    assertThat(node.get("id").asText()).isEqualTo(e.id().value());
    assertThat(node.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Instant.parse(node.get("at").asText())).isEqualTo(e.at());
    assertThat(EventKind.fromWireName(node.get("kind").asText())).contains(e.kind());
    assertThat(node.get("actor").asText()).isEqualTo(e.actor().value());
    assertThat(texts(node.get("targets"))).containsExactlyElementsOf(e.targets().stream().map(MemberId::value).toList());
    assertThat(node.has("team")).isEqualTo(e.team().isPresent());
    e.team().ifPresent(t -> assertThat(node.get("team").asText()).isEqualTo(t.value()));
    assertThat(node.has("weight") ? node.get("weight").asDouble() : 1.0).isEqualTo(e.weight());
    assertThat(node.has("sentiment")).isEqualTo(e.sentiment().isPresent());
    if (node.has("sentiment")) {
      assertThat(node.get("sentiment").asDouble()).isEqualTo(e.sentiment().getAsDouble());
    }
    assertThat(texts(node.get("refs"))).containsExactlyElementsOf(e.refs().stream().map(EventId::value).toList());
    assertThat(texts(node.get("tags"))).containsExactlyElementsOf(e.tags());
    assertThat(node.has("attrs")).isEqualTo(!e.attrs().isEmpty());
    if (node.has("attrs")) {
      assertThat(node.get("attrs").isObject()).isTrue();
      @SuppressWarnings("unchecked")
      Map<String, Object> attrs = MAPPER.treeToValue(node.get("attrs"), Map.class);
      assertThat(Attrs.of(attrs)).isEqualTo(e.attrs());
    }
    for (String list : List.of("targets", "refs", "tags")) {
      if (node.has(list)) {
        assertThat(node.get(list).size()).as("empty lists are left out").isPositive();
      }
    }
  }

  @Test
  void writerAndStreamGiveTheSameText() {
    StringWriter chars = new StringWriter();
    try (JsonLinesWriter w = JsonLinesWriter.to(chars)) {
      w.writeAll(org);
      assertThat(w.lines()).isEqualTo(org.members().size() + Fixtures.materialise(org).size());
    }
    assertThat(chars.toString()).isEqualTo(write(org));
  }

  @Test
  void writesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("org.jsonl");
    long lines = JsonLinesWriter.write(org, file);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize((int) lines);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(write(org));
  }

  @Test
  void absentFieldsAreLeftOut() {
    StringWriter out = new StringWriter();
    try (JsonLinesWriter w = JsonLinesWriter.to(out)) {
      w.member(Member.of(MemberId.of("m1")));
      w.event(Event.builder(EventId.of("x1"), Instant.parse("2026-01-02T03:04:05Z"), EventKind.MESSAGE, MemberId.of("m1")).build());
      w.event(Event.builder(EventId.of("x2"), Instant.parse("2026-01-02T03:04:06Z"), EventKind.MEETING, MemberId.of("m1"))
          .targets(MemberId.of("m2")).weight(2.5).sentiment(-0.25).build());
    }
    assertThat(out.toString()).isEqualTo(
        "{\"type\":\"member\",\"id\":\"m1\"}\n"
            + "{\"type\":\"event\",\"id\":\"x1\",\"at\":\"2026-01-02T03:04:05Z\",\"kind\":\"message\",\"actor\":\"m1\"}\n"
            + "{\"type\":\"event\",\"id\":\"x2\",\"at\":\"2026-01-02T03:04:06Z\",\"kind\":\"meeting\",\"actor\":\"m1\","
            + "\"targets\":[\"m2\"],\"weight\":2.5,\"sentiment\":-0.25}\n");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        texts.add(it.next().asText());
      }
    }
    return texts;
  }
}
