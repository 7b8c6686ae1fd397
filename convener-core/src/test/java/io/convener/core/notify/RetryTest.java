package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.notify.DeliveryStatus;
import io.convener.core.notify.RecordingChannel.Outcome;
import io.convener.spi.storage.ChannelDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries with back-off and full jitter, dead letters, non-retryable errors; the clock is moved, never slept on. */
class RetryTest {
  private static final MemberId ANA = MemberId.of("ana");

  private static ChannelDelivery test(NotifyFixture f) {
    return f.store().deliveries(ACME, ANA, 1).stream().filter(d -> d.channel().equals("test")).findFirst()
        .orElseThrow();
  }

  @Test
  void theDefaultScheduleIsEightTriesWithinThirtyMinutes() {
    NotifySettings s = NotifySettings.defaults();
    assertThat(s.maxAttempts()).isEqualTo(8);
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < s.maxAttempts(); attempt++) {
      total = total.plus(s.backoffCap(attempt));
    }
    // 14 s * (1 + 2 + 4 + ... + 64) = 1778 s, by hand.
    assertThat(total).isEqualTo(Duration.ofSeconds(1778));
    assertThat(s.backoffCap(1)).isEqualTo(Duration.ofSeconds(14));
    assertThat(s.backoffCap(7)).isEqualTo(Duration.ofSeconds(896));
    assertThat(s.backoffCap(20)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aFailingChannelIsRetriedWithinTheBackOffCapThenSucceedsOnce() {
    RecordingChannel channel = new RecordingChannel();
    channel.script(Outcome.FAIL, Outcome.FAIL);
    try (NotifyFixture f = new NotifyFixture(false, channel)) {
      f.members(ACME, "ana");
      f.trigger(ACME, "k", "ana");
      Instant before = f.clock.instant();
      f.drain(ACME);
      ChannelDelivery first = test(f);
      assertThat(first.status()).isEqualTo(DeliveryStatus.QUEUED);
      assertThat(first.attempts()).isEqualTo(1);
      assertThat(first.nextAttemptAt()).isBetween(before, f.clock.instant().plusSeconds(14));
      assertThat(f.notifier().inbox(NotifyFixture.as(ACME, "ana"), 0, 10))
          .as("the stream does not wait for the webhook").hasSize(1);

      f.clock.advance(Duration.ofSeconds(15));
      f.drain(ACME);
      ChannelDelivery second = test(f);
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(second.nextAttemptAt()).isBefore(f.clock.instant().plusSeconds(28).plusMillis(1));

      f.clock.advance(Duration.ofSeconds(29));
      f.drain(ACME);
      f.drain(ACME);
      assertThat(test(f).status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(test(f).attempts()).isEqualTo(3);
      assertThat(channel.delivered()).hasSize(1);
      assertThat(f.store().deadLetters(ACME, 10)).isEmpty();
    }
  }

  @Test
  void afterEightFailedTriesTheMessageIsDeadLettered() {
    RecordingChannel channel = new RecordingChannel();
    channel.failAlways(20);
    try (NotifyFixture f = new NotifyFixture(false, channel)) {
      f.members(ACME, "ana");
      f.trigger(ACME, "k", "ana");
      for (int attempt = 1; attempt <= 10; attempt++) {
        f.drain(ACME);
        f.clock.advance(NotifySettings.defaults().backoffCap(attempt).plusSeconds(1));
      }
      assertThat(channel.calls()).isEqualTo(8);
      assertThat(test(f).status()).isEqualTo(DeliveryStatus.UNDELIVERED);
      assertThat(f.store().deadLetters(ACME, 10)).singleElement().satisfies(d -> {
        assertThat(d.attempts()).isEqualTo(8);
        assertThat(d.note()).startsWith("gave up");
      });
      // The stream delivered it, the webhook gave up: the message counts as delivered.
      assertThat(f.store().find(ACME, ANA, 1).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }
  }

  @Test
  void noTryIsMadeLaterThanThirtyMinutesAfterTheCommit() {
    RecordingChannel channel = new RecordingChannel();
    channel.failAlways(20);
    try (NotifyFixture f = new NotifyFixture(false, channel)) {
      f.members(ACME, "ana");
      f.trigger(ACME, "k", "ana");
      f.drain(ACME);
      f.clock.advance(Duration.ofMinutes(31));
      f.drain(ACME);
      assertThat(channel.calls()).isEqualTo(2);
      assertThat(test(f).status()).isEqualTo(DeliveryStatus.UNDELIVERED);
    }
  }

  @Test
  void aNonRetryableErrorIsNotRetried() {
    RecordingChannel channel = new RecordingChannel();
    channel.script(Outcome.REJECT);
    try (NotifyFixture f = new NotifyFixture(false, channel)) {
      f.members(ACME, "ana");
      f.trigger(ACME, "k", "ana");
      for (int i = 0; i < 5; i++) {
        f.drain(ACME);
        f.clock.advance(Duration.ofMinutes(5));
      }
      assertThat(channel.calls()).isEqualTo(1);
      List<ChannelDelivery> dead = f.store().deadLetters(ACME, 10);
      assertThat(dead).singleElement().satisfies(d -> assertThat(d.note()).startsWith("rejected"));
    }
  }
}
