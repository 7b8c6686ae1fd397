package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window kept from one request to the next and fed more events gives the same graph and counts
 * as the window built in one pass over all of them, whether its graph is patched or assembled.
 */
class WindowStateTest {
  private static final int MEMBERS = 40;
  private static final EventKind[] KINDS = {
    EventKind.MESSAGE, EventKind.REPLY, EventKind.REACTION, EventKind.MENTION, EventKind.ENDORSEMENT, EventKind.REVIEW
  };

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 30})
  void feedingEventsInRoundsEqualsOnePass(int rounds) {
    SplittableRandom r = new SplittableRandom(rounds);
    Roster roster = new Roster();
    for (int i = 0; i < MEMBERS; i++) {
      roster.indexOf(MemberId.of("m" + i));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      EventKind kind = KINDS[r.nextInt(KINDS.length)];
      Event.Builder b = Event.builder(EventId.of("e" + i), Instant.ofEpochSecond(1_000 + i), kind,
          MemberId.of("m" + r.nextInt(MEMBERS))).weight(0.5 + r.nextInt(3));
      int targets = kind == EventKind.MESSAGE ? r.nextInt(2) : 1 + r.nextInt(2);
      List<MemberId> t = new ArrayList<>();
      for (int k = 0; k < targets; k++) {
        t.add(MemberId.of("m" + (int) (MEMBERS * Math.pow(r.nextDouble(), 2)))); // repeats, self-targets too
      }
      events.add(b.targets(t).build());
    }
    boolean[] excluded = new boolean[MEMBERS];
    excluded[7] = true;
    EventColumns fed = new EventColumns();
    WindowState kept = new WindowState(MEMBERS, excluded, 0, Long.MAX_VALUE, 0.5);
    WindowGraph last = null;
    for (int round = 0; round < rounds; round++) {
      int end = events.size() * (round + 1) / rounds;
      for (int i = fed.size(); i < end; i++) {
        fed.append(events.get(i), roster);
      }
      kept.advance(fed.view());
      last = kept.graph();
    }
    EventColumns all = new EventColumns();
    events.forEach(e -> all.append(e, roster));
    WindowState once = new WindowState(MEMBERS, excluded, 0, Long.MAX_VALUE, 0.5);
    once.advance(all.view());
    WindowGraph expected = once.graph();

    assertThat(last.eventsInWindow).isEqualTo(expected.eventsInWindow);
    assertThat(last.given).isEqualTo(expected.given);
    assertThat(last.responses).isEqualTo(expected.responses);
    assertThat(last.endorsements).isEqualTo(expected.endorsements);
    assertThat(last.graph.directedEdgeCount()).isEqualTo(expected.graph.directedEdgeCount());
    for (int a = 0; a < last.nodeCount(); a++) {
      assertThat(last.graph.strength(a)).isEqualTo(expected.graph.strength(a));
      for (int b = 0; b < last.nodeCount(); b++) {
        assertThat(last.graph.weight(a, b)).as("w(%d -> %d)", a, b).isEqualTo(expected.graph.weight(a, b));
      }
    }
    assertThat(kept.graph()).as("nothing new: the same graph").isSameAs(last);
  }
}
