package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.notify.Notification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Convener nodes on one PostgreSQL schema (skipped unless {@code CONVENER_PG_URL} is set): a
 * stream on one node receives what the other relayed, woken by its signal; and with both relays
 * running, plus a thread per node draining on top, each of 1,000 messages reaches the channel once.
 */
class CrossNodeNotifyIT {
  private static final int RECIPIENTS = 50;
  private static final int KEYS = 20;

  @TempDir Path dir;

  @Test
  void aMessageCausedOnOneNodeReachesAStreamOnTheOtherOnceInOrder() {
    try (PgSchema pg = PgSchema.create(); TwoNodes nodes = new TwoNodes(pg.url(), dir.resolve("keys"))) {
      assertThat(nodes.b.injector.getInstance(io.convener.spi.storage.ChangeSignals.class).pushes())
          .as("PostgreSQL pushes signals").isTrue();
      nodes.aMessageCausedOnAReachesAStreamOnBOnceInOrder();
    }
  }

  @Test
  void eachOfAThousandMessagesIsDeliveredOnceWithTwoRelays() throws InterruptedException {
    try (PgSchema pg = PgSchema.create()) {
      Path keys = dir.resolve("keys");
      NotifySettings background = NotifySettings.defaults().withPollInterval(Duration.ofMillis(100));
      try (NotifyFixture a = new NotifyFixture(pg.url(), keys, background, new RecordingChannel());
          NotifyFixture b = new NotifyFixture(pg.url(), keys, background, new RecordingChannel())) {
        String[] recipients = IntStream.range(0, RECIPIENTS).mapToObj(i -> "m" + i).toArray(String[]::new);
        a.members(ACME, recipients);
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> drainers = new ArrayList<>();
        for (NotifyFixture node : List.of(a, b)) {
          Thread t = new Thread(() -> {
            while (!done.get()) {
              node.drain(ACME);
            }
          });
          t.start();
          drainers.add(t);
        }
        try {
          for (int k = 0; k < KEYS; k++) {
            (k % 2 == 0 ? a : b).trigger(ACME, "k" + k, recipients);
          }
          await().atMost(Duration.ofSeconds(60))
              .until(() -> a.channel.delivered().size() + b.channel.delivered().size() >= RECIPIENTS * KEYS);
        } finally {
          done.set(true);
          for (Thread t : drainers) {
            t.join();
          }
        }
        a.drain(ACME);
        b.drain(ACME);
        List<Notification> all = new ArrayList<>(a.channel.delivered());
        all.addAll(b.channel.delivered());
        var perId = all.stream().collect(Collectors.groupingBy(Notification::id, Collectors.counting()));
        assertThat(perId).as("messages delivered").hasSize(RECIPIENTS * KEYS);
        assertThat(perId.values().stream().filter(n -> n > 1).count()).as("messages delivered twice").isZero();
        assertThat(b.notifier().inbox(as(ACME, "m7"), 0, 100)).as("m7's inbox")
            .extracting(m -> m.payload().get("about"))
            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, KEYS).mapToObj(k -> "k" + k).toList());
        System.out.printf("delivered by node A: %d, by node B: %d%n", a.channel.delivered().size(),
            b.channel.delivered().size());
      }
    }
  }
}
