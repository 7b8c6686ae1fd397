package io.convener.testing.storage;

import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Members and events that exercise every field, for the storage contract. */
final class ContractData {
  /** An instant with every nanosecond digit set. */
  static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456789Z");

  private ContractData() {}

  /** An instant {@code seconds} after {@link #T0}. */
  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A member with every field set, personal data and unicode included. */
  static Member fullMember(String id) {
    return Member.builder(MemberId.of(id))
        .teams(TeamId.of("platform"), TeamId.of("équipe-α"))
        .cohorts(CohortId.of("intake-2024"), CohortId.of("guild/rust"))
        .org(OrgUnit.of("eng/platform/db"))
        .displayName("Zoë Ångström-O'Brien \"Z\" 山田")
        .email("zoe+convener@example.org")
        .skills("java", "postgres", "日本語", "emoji 🎉")
        .build();
  }

  /** A member with nothing but an id. */
  static Member minimalMember(String id) {
    return Member.of(MemberId.of(id));
  }

  /** A minimal message event. */
  static Event event(String id, Instant at, EventKind kind, String actor) {
    return Event.builder(EventId.of(id), at, kind, MemberId.of(actor)).build();
  }

  /** An event with every field set: nested attrs, unicode, characters that JSON must escape. */
  static Event fullEvent(String id, Instant at) {
    Map<String, Object> deep = new LinkedHashMap<>();
    deep.put("deeper", List.of(true, false, "x", 1.5, -3L, Map.of("deepest", "yes")));
    deep.put("empty list", List.of());
    deep.put("empty object", Map.of());
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("instrument", "psych-safety-7");
    attrs.put("answers", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
    attrs.put("nested", deep);
    attrs.put("beyond double precision", 9_007_199_254_740_993L);
    attrs.put("min long", Long.MIN_VALUE);
    attrs.put("tenth", 0.1);
    attrs.put("tiny", -4.9e-324);
    attrs.put("escapes", "line\nbreak \"quoted\" back\\slash tab\t nul-free \u2028");
    attrs.put("unicode", "Grüße, 你好, 🎉");
    attrs.put("flag", Boolean.TRUE);
    return Event.builder(EventId.of(id), at, EventKind.SURVEY, MemberId.of("membre-ü"))
        .targets(MemberId.of("m-2"), MemberId.of("m-1"), MemberId.of("山田"))
        .team(TeamId.of("équipe-α"))
        .weight(2.5)
        .sentiment(-0.75)
        .refs(EventId.of("earlier-2"), EventId.of("earlier-1"))
        .tags("psych-safety", "say \"hi\"", "tab\there", "日本語")
        .attrs(Attrs.of(attrs))
        .build();
  }

  /** The events sorted as a scan returns them: by instant, then id. */
  static List<Event> scanOrder(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort((a, b) -> {
      int byTime = a.at().compareTo(b.at());
      return byTime != 0 ? byTime : a.id().compareTo(b.id());
    });
    return sorted;
  }

  /** The ids of events, in order. */
  static List<EventId> ids(Event... events) {
    return Arrays.stream(events).map(Event::id).toList();
  }
}
