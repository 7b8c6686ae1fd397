package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.notify.NotificationPreferences;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mutes, quiet hours, digests and throttles; critical bypasses them, never consent (see OutboxTest). */
class PreferencesTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void preferencesRoundTripThroughTheStore() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      assertThat(f.notifier().preferences(as(ACME, "ana"))).isEqualTo(NotificationPreferences.defaults());
      NotificationPreferences p = NotificationPreferences.defaults()
          .withQuietHours(TOKYO, LocalTime.of(22, 0), LocalTime.of(7, 30))
          .withMuted("test.kind", Set.of("test", "stream"))
          .withDigestWindow(Duration.ofMinutes(15))
          .withMaxPerHour(5);
      f.notifier().setPreferences(as(ACME, "ana"), p);
      assertThat(f.notifier().preferences(as(ACME, "ana"))).isEqualTo(p);
      assertThat(f.notifier().preferences(as(ACME, "bo"))).isEqualTo(NotificationPreferences.defaults());
    }
  }

  @Test
  void aMutedKindIsNotSentOnThatChannelUnlessCritical() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      f.notifier().setPreferences(as(ACME, "ana"),
          NotificationPreferences.defaults().withMuted("test.kind", Set.of("test")));
      f.trigger(ACME, "plain", "ana");
      f.trigger(ACME, "urgent", "", true, false, "ana");
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("urgent");
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 10)).as("the stream is not muted").hasSize(2);
    }
  }

  @Test
  void quietHoursInTheRecipientsZoneHoldInterruptingChannelsUntilTheyEnd() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      LocalTime local = f.clock.instant().atZone(TOKYO).toLocalTime();
      f.notifier().setPreferences(as(ACME, "ana"), NotificationPreferences.defaults()
          .withQuietHours(TOKYO, local.minusHours(1), local.plusHours(1)));
      f.trigger(ACME, "night", "ana");
      f.trigger(ACME, "fire", "", true, false, "ana");
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("fire");
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 10)).as("the in-app stream is silent").hasSize(2);

      f.clock.advance(Duration.ofMinutes(30));
      f.drain(ACME);
      assertThat(f.channel.delivered()).hasSize(1);
      f.clock.advance(Duration.ofMinutes(31));
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("fire", "night");
    }
  }

  @Test
  void severalTriggersWithOneDigestKeyInsideTheWindowBecomeOneMessage() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      f.notifier().setPreferences(as(ACME, "ana"), NotificationPreferences.defaults().withDigestWindow(Duration.ofHours(1)));
      f.trigger(ACME, "a", "daily-risks", false, false, "ana");
      f.trigger(ACME, "b", "daily-risks", false, false, "ana");
      f.trigger(ACME, "c", "daily-risks", false, false, "ana");
      f.trigger(ACME, "other", "", false, false, "ana");
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("other");

      f.clock.advance(Duration.ofMinutes(61));
      f.drain(ACME);
      f.drain(ACME);
      assertThat(f.channel.delivered()).hasSize(2);
      assertThat(f.channel.delivered().get(1).payload())
          .containsEntry("about", "a").containsEntry("digestCount", "3").containsEntry("digestKey", "daily-risks");
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 10)).as("the inbox keeps each").hasSize(4);
    }
  }

  @Test
  void aThrottleHoldsWhatExceedsTheHourlyLimit() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      f.notifier().setPreferences(as(ACME, "ana"), NotificationPreferences.defaults().withMaxPerHour(2));
      for (String k : new String[] {"1", "2", "3", "4"}) {
        f.trigger(ACME, k, "ana");
      }
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("1", "2");
      f.clock.advance(Duration.ofMinutes(61));
      f.drain(ACME);
      assertThat(f.channel.delivered()).extracting(n -> n.payload().get("about")).containsExactly("1", "2", "3", "4");
    }
  }
}
