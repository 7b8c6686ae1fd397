package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

/**
 * Two Convener nodes on one database, each with its own relay, hub and caches: node A relays in
 * the background, node B does not relay at all, so what B's streams show can only have come from
 * the store, through B's stream follower (woken by A's signal on PostgreSQL, polling elsewhere).
 */
final class TwoNodes implements AutoCloseable {
  final NotifyFixture a;
  final NotifyFixture b;

  TwoNodes(String url, Path keys) {
    a = new NotifyFixture(url, keys, NotifySettings.defaults().withPollInterval(Duration.ofMillis(200)),
        new RecordingChannel());
    b = new NotifyFixture(url, keys, NotifySettings.defaults().manual(), new RecordingChannel());
  }

  /**
   * A message caused on A reaches a stream on B once, in sequence order, after the sequence the
   * stream resumed from: the first three are relayed before B subscribes after the second, then
   * twenty more follow while it is open.
   */
  void aMessageCausedOnAReachesAStreamOnBOnceInOrder() {
    a.members(ACME, "ana");
    for (int i = 1; i <= 3; i++) {
      a.trigger(ACME, "before-" + i, "ana");
    }
    await().atMost(Duration.ofSeconds(20))
        .until(() -> b.notifier().inbox(as(ACME, "ana"), 0, 10).size() == 3);
    List<InboxMessage> seen = new CopyOnWriteArrayList<>();
    Subscription s = b.notifier().subscribe(as(ACME, "ana"), 2, seen::add);
    try {
      for (int i = 1; i <= 20; i++) {
        a.trigger(ACME, "live-" + i, "ana");
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 21);
      // Any repeat would arrive within a few follower rounds; give it the time to show.
      await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
    } finally {
      s.close();
    }
    assertThat(seen).extracting(InboxMessage::sequence)
        .as("sequences the stream on B passed on")
        .containsExactlyElementsOf(LongStream.rangeClosed(3, 23).boxed().toList());
    assertThat(b.channel.delivered()).as("B relayed nothing itself").isEmpty();
    assertThat(a.channel.delivered()).hasSize(23);
  }

  @Override
  public void close() {
    b.close();
    a.close();
  }
}
