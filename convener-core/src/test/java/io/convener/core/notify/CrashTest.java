package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when: a process commits an action with a notification and is killed before the relay
 * delivers it; a new Convener on the same database delivers it exactly once; the action that
 * failed in that process sends nothing.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void aMessageCommittedBeforeACrashIsDeliveredExactlyOnceAfterTheRestart() throws Exception {
    // WRITE_DELAY=0: H2 writes each commit to the file at once; by default it may wait up to 500 ms,
    // so a process killed right after a commit could lose it (the action with it, not only the notice).
    String url = "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath() + ";WRITE_DELAY=0";
    Path keys = dir.resolve("keys");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), url, keys.toString())
        .redirectErrorStream(true).start();
    List<String> said = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        said.add(line);
        if (line.equals("COMMITTED")) {
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(said).as("the child's output").contains("FAILED-ACTION", "COMMITTED");

    RecordingChannel channel = new RecordingChannel();
    try (NotifyFixture f = new NotifyFixture(url, keys, true, channel)) {
      CountDownLatch one = new CountDownLatch(1);
      List<InboxMessage> got = new CopyOnWriteArrayList<>();
      Subscription s = f.notifier().subscribe(as(ACME, "ana"), 0, m -> {
        got.add(m);
        one.countDown();
      });
      try {
        assertThat(one.await(30, TimeUnit.SECONDS)).as("delivered after the restart").isTrue();
        // Further relay rounds must not deliver it again.
        f.drain(ACME);
        f.drain(ACME);
      } finally {
        s.close();
      }
      assertThat(got).singleElement().satisfies(m -> assertThat(m.payload()).containsEntry("about", "committed"));
      assertThat(channel.delivered()).singleElement()
          .satisfies(n -> assertThat(n.payload()).containsEntry("about", "committed"));
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 10)).hasSize(1);
    }
    RecordingChannel again = new RecordingChannel();
    try (NotifyFixture f = new NotifyFixture(url, keys, false, again)) {
      f.drain(ACME);
      assertThat(again.delivered()).as("a second restart sends nothing again").isEmpty();
    }
  }
}
