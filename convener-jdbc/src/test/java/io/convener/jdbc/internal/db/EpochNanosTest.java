package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochNanosTest {
  /** Reference: exact arithmetic on seconds and nanoseconds, independent of the overflow handling. */
  private static BigInteger reference(Instant at) {
    return BigInteger.valueOf(at.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(at.getNano()));
  }

  @Test
  void convertsExactlyAcrossTheWholeRange() {
    List<Instant> instants = List.of(
        EpochNanos.MIN, EpochNanos.MIN.plusNanos(1), Instant.parse("1677-09-21T00:12:44Z"),
        Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.EPOCH, Instant.parse("1970-01-01T00:00:00.000000001Z"),
        Instant.parse("2024-03-01T10:15:30.123456789Z"), EpochNanos.MAX.minusNanos(1), EpochNanos.MAX);
    for (Instant at : instants) {
      long nanos = EpochNanos.of(at, "at");
      assertThat(BigInteger.valueOf(nanos)).as(at.toString()).isEqualTo(reference(at));
      assertThat(EpochNanos.toInstant(nanos)).isEqualTo(at);
    }
  }

  @Test
  void theRangeIsThatOfSignedSixtyFourBitNanoseconds() {
    assertThat(EpochNanos.MIN).isEqualTo(Instant.parse("1677-09-21T00:12:43.145224192Z"));
    assertThat(EpochNanos.MAX).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
    assertThat(EpochNanos.of(EpochNanos.MIN, "at")).isEqualTo(Long.MIN_VALUE);
    assertThat(EpochNanos.of(EpochNanos.MAX, "at")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void instantsOutsideTheRangeAreRejectedNamingTheValueAndTheRange() {
    for (Instant at : List.of(EpochNanos.MAX.plusNanos(1), EpochNanos.MIN.minusNanos(1), Instant.MAX, Instant.MIN)) {
      assertThatThrownBy(() -> EpochNanos.of(at, "events[3].at"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("events[3].at")
          .hasMessageContaining("1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z");
    }
  }
}
