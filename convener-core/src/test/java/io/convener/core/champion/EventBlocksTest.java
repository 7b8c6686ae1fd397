package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventBlockStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Events through the champion block format come back as the columns appending them gives. */
class EventBlocksTest {
  private static final EventKind[] KINDS = EventKind.values();

  private static List<Event> events(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Event> out = new ArrayList<>();
    long at = 1_700_000_000_000_000_000L;
    for (int i = 0; i < count; i++) {
      at += r.nextInt(3) == 0 ? -r.nextInt(5_000_000) : r.nextInt(90_000_000); // out of order sometimes
      EventKind kind = KINDS[r.nextInt(KINDS.length)];
      String id = r.nextInt(10) == 0 ? "évt-" + i + "-ünïcode" : "evt-" + (100_000 + i);
      Event.Builder b = Event.builder(EventId.of(id), Instant.ofEpochSecond(0, at), kind, MemberId.of("m" + r.nextInt(50)))
          .weight(r.nextInt(3) == 0 ? 0.25 + r.nextInt(8) : 1.0);
      List<MemberId> targets = new ArrayList<>();
      for (int t = r.nextInt(4); t > 0; t--) {
        targets.add(MemberId.of("m" + r.nextInt(70)));
      }
      b.targets(targets);
      if (r.nextInt(4) == 0) {
        b.tags(r.nextBoolean() ? List.of("java", "review") : List.of("onboarding"));
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  void decodingTheBlocksGivesTheColumnsOfTheKeptEventsInOrder() {
    List<Event> events = events(40_000, 7);
    List<EventBlockStore.Block> blocks = EventBlocks.encode(events);

    assertThat(blocks).hasSize(3); // 16,384 + 16,384 + 7,232
    assertThat(blocks.stream().mapToLong(EventBlockStore.Block::events).sum()).isEqualTo(events.size());
    BlockMembers viaBlocks = new BlockMembers();
    EventColumns decoded = new EventColumns();
    long latest = Long.MIN_VALUE;
    for (EventBlockStore.Block b : blocks) {
      latest = Math.max(latest, EventBlocks.decode(b.data(), decoded, viaBlocks));
    }
    Roster direct = new Roster();
    EventColumns appended = new EventColumns();
    long expectedLatest = Long.MIN_VALUE;
    for (Event e : events) {
      if (EventColumns.kept(e.kind())) {
        appended.append(e, direct);
        expectedLatest = Math.max(expectedLatest, EventColumns.nanos(e.at()));
      }
    }

    EventColumns.View a = decoded.view();
    EventColumns.View b = appended.view();
    assertThat(a.size()).isEqualTo(b.size()).isLessThan(events.size());
    assertThat(latest).isEqualTo(expectedLatest);
    assertThat(Arrays.copyOf(a.at(), a.size())).isEqualTo(Arrays.copyOf(b.at(), b.size()));
    assertThat(Arrays.copyOf(a.actor(), a.size())).isEqualTo(Arrays.copyOf(b.actor(), b.size()));
    assertThat(Arrays.copyOf(a.kind(), a.size())).isEqualTo(Arrays.copyOf(b.kind(), b.size()));
    assertThat(Arrays.copyOf(a.weight(), a.size())).isEqualTo(Arrays.copyOf(b.weight(), b.size()));
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.id(i)).isEqualTo(b.id(i));
    }
    assertThat(Arrays.copyOf(a.targetEnd(), a.size())).isEqualTo(Arrays.copyOf(b.targetEnd(), b.size()));
    int targets = b.size() == 0 ? 0 : b.targetEnd()[b.size() - 1];
    assertThat(Arrays.copyOf(a.targets(), targets)).isEqualTo(Arrays.copyOf(b.targets(), targets));
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.tagsOf(i)).containsExactly(b.tagsOf(i));
    }
    assertThat(viaBlocks.size()).isEqualTo(direct.size());
    for (int i = 0; i < direct.size(); i++) {
      assertThat(viaBlocks.id(i)).isEqualTo(direct.view().member(i).id().value());
    }
  }

  @Test
  void aBlockOfOtherKindsOnlyAccountsForThemAndHoldsNothing() {
    Event consent = Event.builder(EventId.of("c1"), Instant.EPOCH, EventKind.CONSENT, MemberId.of("m")).build();
    List<EventBlockStore.Block> blocks = EventBlocks.encode(List.of(consent, consent));

    assertThat(blocks).singleElement().satisfies(b -> assertThat(b.events()).isEqualTo(2));
    EventColumns columns = new EventColumns();
    assertThat(EventBlocks.decode(blocks.get(0).data(), columns, new BlockMembers())).isEqualTo(Long.MIN_VALUE);
    assertThat(columns.size()).isZero();
  }

  @Test
  void cutShortOrForeignBlocksAreRefusedNotMisread() {
    byte[] data = EventBlocks.encode(events(50, 3)).get(0).data();

    assertThatThrownBy(() -> EventBlocks.decode(Arrays.copyOf(data, data.length - 3), new EventColumns(), new BlockMembers()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    byte[] longer = Arrays.copyOf(data, data.length + 1);
    assertThatThrownBy(() -> EventBlocks.decode(longer, new EventColumns(), new BlockMembers()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("after its last event");
    byte[] foreign = data.clone();
    foreign[0] = 9;
    assertThatThrownBy(() -> EventBlocks.decode(foreign, new EventColumns(), new BlockMembers()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 9");
  }
}
