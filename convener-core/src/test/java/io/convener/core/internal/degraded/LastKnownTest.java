package io.convener.core.internal.degraded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.ConsentChangedException;
import io.convener.api.StorageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Only a store failure falls back, only to a result of the same question, stamped when it was computed. */
class LastKnownTest {
  private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

  private final LastKnown<String, String> known = new LastKnown<>(10, Clock.fixed(T, ZoneOffset.UTC));

  private static String down() {
    throw new StorageException("down", null);
  }

  @Test
  void aStoreFailureServesTheLastResultOfTheSameQuestion() {
    assertThat(known.get("q", () -> "fresh", (v, why) -> "stale")).isEqualTo("fresh");
    assertThat(known.get("q", LastKnownTest::down, (v, why) -> v + " of " + why.computedAt() + ": " + why.cause()))
        .isEqualTo("fresh of " + T + ": " + LastKnown.CAUSE);
    assertThatThrownBy(() -> known.get("other", LastKnownTest::down, (v, why) -> v))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void otherFailuresPassThrough() {
    known.get("q", () -> "fresh", (v, why) -> v);
    assertThatThrownBy(() -> known.get("q", () -> {
      throw new ConsentChangedException("changed");
    }, (v, why) -> v)).isInstanceOf(ConsentChangedException.class);
  }
}
