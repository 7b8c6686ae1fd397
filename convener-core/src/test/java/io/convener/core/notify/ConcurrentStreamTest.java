package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions opened while the background relay delivers, and reopened from the last sequence
 * seen (as an SSE client reconnecting with Last-Event-ID), together see every message once, in order.
 */
class ConcurrentStreamTest {
  private static final int MESSAGES = 60;

  @Test
  void resumingWhileTheRelayDeliversLeavesNoGapAndNoDuplicate() throws Exception {
    try (NotifyFixture f = new NotifyFixture(true, new RecordingChannel())) {
      f.members(ACME, "ana");
      Thread producer = new Thread(() -> {
        for (int i = 0; i < MESSAGES; i++) {
          f.trigger(ACME, "m" + i, "ana");
        }
      });
      producer.start();
      List<InboxMessage> seen = new CopyOnWriteArrayList<>();
      long last = 0;
      // Reconnect several times while messages keep coming, each time from the last one seen.
      for (int round = 0; round < 5; round++) {
        CountDownLatch some = new CountDownLatch(3);
        Subscription s = f.notifier().subscribe(as(ACME, "ana"), last, m -> {
          seen.add(m);
          some.countDown();
        });
        some.await(5, TimeUnit.SECONDS);
        s.close();
        last = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).sequence();
      }
      producer.join();
      CountDownLatch rest = new CountDownLatch(1);
      Subscription s = f.notifier().subscribe(as(ACME, "ana"), last, m -> {
        seen.add(m);
        if (m.sequence() == MESSAGES) {
          rest.countDown();
        }
      });
      try {
        if (last < MESSAGES) {
          assertThat(rest.await(30, TimeUnit.SECONDS)).isTrue();
        }
      } finally {
        s.close();
      }
      assertThat(seen).extracting(InboxMessage::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
    }
  }
}
