package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.model.Event;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** A million events stream through without being held: each is looked at once and dropped. */
class ScaleTest {
  @Test
  void streamsAMillionEvents() {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(11).members(5_000).weeks(12).build().generate();
    Iterator<Event> events = org.eventIterator();
    long count = 0;
    Instant previous = Instant.MIN;
    while (events.hasNext() && count < 1_000_000) {
      Event e = events.next();
      assertThat(e.at()).isAfterOrEqualTo(previous);
      previous = e.at();
      count++;
    }
    assertThat(count).isEqualTo(1_000_000);
    assertThat(events.hasNext()).as("this organisation has more than a million events").isTrue();
  }
}
