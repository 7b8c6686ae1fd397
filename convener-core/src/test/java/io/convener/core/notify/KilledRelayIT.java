package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.notify.Notification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with SIGKILL while it holds the leases of messages it is delivering: the other node
 * leaves them alone while the leases last, then delivers each of them once (skipped unless {@code
 * CONVENER_PG_URL} is set).
 */
class KilledRelayIT {
  private static final int RECIPIENTS = 10;

  @TempDir Path dir;

  @Test
  void theOtherNodeDeliversEachMessageOnceAfterTheKilledNodesLeasesExpire() throws Exception {
    try (PgSchema pg = PgSchema.create()) {
      Path keys = dir.resolve("keys");
      NotifySettings manual = NotifySettings.defaults().manual().withLease(Duration.ofSeconds(30));
      try (NotifyFixture node = new NotifyFixture(pg.url(), keys, manual, new RecordingChannel())) {
        String[] recipients = IntStream.range(0, RECIPIENTS).mapToObj(i -> "m" + i).toArray(String[]::new);
        node.members(ACME, recipients);
        node.trigger(ACME, "first", recipients);
        node.trigger(ACME, "second", recipients);

        Process child = startChild(pg.url(), keys);
        try {
          assertThat(readUntilHolding(child)).as("the child holds its leases").isTrue();
          assertThat(node.drain(ACME)).as("deliveries tried while the child's leases last").isZero();
        } finally {
          child.destroyForcibly(); // SIGKILL
          child.waitFor(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> {
              node.drain(ACME);
              return node.channel.delivered().size() >= 2 * RECIPIENTS;
            });
        node.drain(ACME);
        node.drain(ACME);
        List<String> ids = node.channel.delivered().stream().map(Notification::id).toList();
        List<String> expected = new ArrayList<>();
        for (String r : recipients) {
          expected.add(r + ":first");
          expected.add(r + ":second");
        }
        assertThat(ids).as("messages the surviving node delivered").containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  private static Process startChild(String url, Path keys) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        KilledRelayChild.class.getName(), url, keys.toString())
        .redirectErrorStream(true).start();
  }

  /** Reads the child's output until it says HOLDING; false when it ends first. */
  private static boolean readUntilHolding(Process child) throws java.io.IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals("HOLDING")) {
        return true;
      }
      System.out.println("child: " + line);
    }
    return false;
  }
}
