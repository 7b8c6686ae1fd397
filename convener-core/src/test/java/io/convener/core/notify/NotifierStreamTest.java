package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.GLOBEX;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The subscribe API: replay from the store, then live, with no gap and no duplicate. */
class NotifierStreamTest {
  @Test
  void subscribeReplaysAfterTheGivenSequenceThenGoesLive() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana", "bo");
      f.trigger(ACME, "k1", "ana");
      f.trigger(ACME, "k2", "ana", "bo");
      f.trigger(ACME, "k3", "ana");
      f.drain(ACME);

      List<InboxMessage> got = new CopyOnWriteArrayList<>();
      Subscription s = f.notifier().subscribe(as(ACME, "ana"), 1, got::add);
      assertThat(got).extracting(InboxMessage::sequence).containsExactly(2L, 3L);
      assertThat(got).extracting(m -> m.payload().get("about")).containsExactly("k2", "k3");
      assertThat(got.get(0).payload()).doesNotContainKey("consentPurpose");

      f.trigger(ACME, "k4", "ana");
      assertThat(got).as("nothing before the relay delivers").hasSize(2);
      f.drain(ACME);
      f.drain(ACME);
      assertThat(got).extracting(InboxMessage::sequence).containsExactly(2L, 3L, 4L);

      s.close();
      f.trigger(ACME, "k5", "ana");
      f.drain(ACME);
      assertThat(got).as("closed").hasSize(3);
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 100)).extracting(InboxMessage::sequence)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(f.notifier().inbox(as(ACME, "bo"), 0, 100)).extracting(m -> m.payload().get("about"))
          .containsExactly("k2");
    }
  }

  @Test
  void theSameKeyTwiceIsOneMessage() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      f.trigger(ACME, "same", "ana");
      f.trigger(ACME, "same", "ana");
      f.drain(ACME);
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 100)).hasSize(1);
      assertThat(f.channel.delivered()).hasSize(1);
    }
  }

  @Test
  void theBackgroundRelayPushesCommittedMessagesToSubscribers() throws InterruptedException {
    try (NotifyFixture f = new NotifyFixture(true, new RecordingChannel())) {
      f.members(ACME, "ana");
      CountDownLatch two = new CountDownLatch(2);
      List<InboxMessage> got = new CopyOnWriteArrayList<>();
      Subscription s = f.notifier().subscribe(as(ACME, "ana"), 0, m -> {
        got.add(m);
        two.countDown();
      });
      try {
        f.trigger(ACME, "a", "ana");
        f.trigger(ACME, "b", "ana");
        assertThat(two.await(20, TimeUnit.SECONDS)).isTrue();
      } finally {
        s.close();
      }
      assertThat(got).extracting(InboxMessage::sequence).containsExactly(1L, 2L);
    }
  }

  @Test
  void tenantsNeverSeeEachOthersMessages() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      f.members(GLOBEX, "ana");
      f.trigger(ACME, "acme-only", "ana");
      f.drain(ACME);
      f.drain(GLOBEX);
      assertThat(f.notifier().inbox(as(GLOBEX, "ana"), 0, 100)).isEmpty();
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 100)).hasSize(1);
      assertThat(f.channel.delivered()).allSatisfy(n -> assertThat(n.tenant()).isEqualTo(ACME));
    }
  }
}
