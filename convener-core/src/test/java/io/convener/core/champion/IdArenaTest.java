package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids come back as stored, across chunk boundaries, and views taken earlier stay readable. */
class IdArenaTest {
  @Test
  void idsRoundTripAcrossChunksAndEarlierSnapshotsStayValid() {
    IdArena arena = new IdArena();
    List<Long> addresses = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    byte[][] early = null;
    int earlyCount = 0;
    for (int i = 0; i < 1_100_000; i++) { // about 24 MB of ids: past the first 16 MB chunk
      String id = i % 1000 == 0 ? "évènement-" + i + "-日本" : "event-number-" + i;
      ids.add(id);
      addresses.add(arena.add(id));
      if (i == 5_000) {
        early = arena.snapshot();
        earlyCount = i + 1;
      }
    }
    byte[][] all = arena.snapshot();

    assertThat(all.length).isGreaterThan(1);
    for (int i = 0; i < ids.size(); i += 997) {
      assertThat(IdArena.get(all, addresses.get(i))).isEqualTo(ids.get(i));
    }
    assertThat(IdArena.get(all, addresses.get(ids.size() - 1))).isEqualTo(ids.get(ids.size() - 1));
    for (int i = 0; i < earlyCount; i++) {
      assertThat(IdArena.get(early, addresses.get(i))).isEqualTo(ids.get(i));
    }
  }

  @Test
  void anIdTooLongForTheLengthPrefixIsRefused() {
    assertThatThrownBy(() -> new IdArena().add("x".repeat(70_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000 bytes");
  }
}
