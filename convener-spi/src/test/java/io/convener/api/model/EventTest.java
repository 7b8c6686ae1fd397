package io.convener.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

  private static Event.Builder message() {
    return Event.builder(EventId.of("e1"), AT, EventKind.MESSAGE, MemberId.of("ana"));
  }

  @Test
  void defaultsAndDeduplicatesTargetsAndTags() {
    Event e = message().targets(MemberId.of("bo"), MemberId.of("bo"), MemberId.of("cy")).tags("x", "x").build();

    assertThat(e.weight()).isEqualTo(1.0);
    assertThat(e.sentiment()).isEmpty();
    assertThat(e.team()).isEmpty();
    assertThat(e.targets()).containsExactly(MemberId.of("bo"), MemberId.of("cy"));
    assertThat(e.tags()).containsExactly("x");
    assertThat(e.toBuilder().build()).isEqualTo(e);
  }

  @Test
  void rejectsOutOfRangeWeightAndSentiment() {
    assertThatThrownBy(() -> message().weight(0).build()).hasMessageContaining("weight");
    assertThatThrownBy(() -> message().weight(Double.NaN).build()).hasMessageContaining("weight");
    assertThatThrownBy(() -> message().sentiment(1.01).build()).hasMessageContaining("sentiment");
    assertThat(message().sentiment(-1).build().sentiment()).hasValue(-1.0);
  }

  @Test
  void attrsAreDeeplyImmutableCopies() {
    List<Object> answers = new ArrayList<>(List.of(1, 2, 3));
    Map<String, Object> source = new HashMap<>();
    source.put("answers", answers);
    source.put("gone", null);
    Attrs attrs = Attrs.of(source);
    answers.add(4);

    assertThat(attrs.list("answers")).contains(List.of(1L, 2L, 3L));
    assertThat(attrs.get("gone")).isEmpty();
    assertThatThrownBy(() -> attrs.list("answers").orElseThrow().add(5)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Attrs.of(Map.of("bad", new Object()))).hasMessageContaining("attrs.bad");
    assertThatThrownBy(() -> Attrs.of(Map.of("nan", Double.NaN))).hasMessageContaining("finite");
  }

  @Test
  void everyKindHasAStableWireName() {
    for (EventKind kind : EventKind.values()) {
      assertThat(EventKind.fromWireName(kind.wireName())).contains(kind);
    }
    assertThat(EventKind.fromWireName("MESSAGE")).isEmpty();
    assertThat(EventKind.REPLY.isCollaboration()).isTrue();
    assertThat(EventKind.SURVEY.isCollaboration()).isFalse();
  }
}
