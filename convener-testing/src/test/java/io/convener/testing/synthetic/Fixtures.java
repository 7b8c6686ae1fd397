package io.convener.testing.synthetic;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The default organisation, generated once and held in memory for the tests that inspect it. */
final class Fixtures {
  /** The default settings: seed 42, 300 members, 12 weeks. */
  static final GeneratedOrganisation ORG = SyntheticOrganisation.defaults().generate();

  /** Every event of {@link #ORG}, in the order produced. */
  static final List<Event> EVENTS = materialise(ORG);

  /** {@link #EVENTS} by id. */
  static final Map<EventId, Event> BY_ID = byId(EVENTS);

  /** Each member's home team in {@link #ORG}. */
  static final Map<MemberId, TeamId> HOME = homes(ORG);

  private Fixtures() {}

  static List<Event> materialise(GeneratedOrganisation org) {
    List<Event> events = new ArrayList<>();
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
      events.add(it.next());
    }
    return List.copyOf(events);
  }

  private static Map<EventId, Event> byId(List<Event> events) {
    Map<EventId, Event> map = new HashMap<>();
    for (Event e : events) {
      map.put(e.id(), e);
    }
    return map;
  }

  static Map<MemberId, TeamId> homes(GeneratedOrganisation org) {
    Map<MemberId, TeamId> map = new HashMap<>();
    for (Member m : org.members()) {
      map.put(m.id(), m.teams().get(0));
    }
    return map;
  }
}
