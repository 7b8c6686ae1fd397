package io.convener.core.consent;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock, and a cache ticker, that move only when a test says so. Thread-safe. */
final class TestClock extends Clock implements Ticker {
  private volatile Instant now;
  private volatile long nanos;

  TestClock(Instant start) {
    this.now = start;
  }

  /** Moves both the clock and the ticker forward. */
  synchronized void advance(Duration by) {
    now = now.plus(by);
    nanos += by.toNanos();
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public long read() {
    return nanos;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
