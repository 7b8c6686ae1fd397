package io.convener.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream follower, which reads each open stream's inbox for what other processes relayed, runs
 * on a store other processes can share (an SQLite file) and not on one only this process can open
 * (embedded H2), where it would only cost: at 1,000 open streams, 4,000 inbox reads a second.
 */
class FollowerOnlyWhereSharedTest {
  @TempDir Path dir;

  private static boolean followerRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals("convener-stream-follower"));
  }

  @Test
  void theFollowerRunsOnAnSqliteFileAndNotOnEmbeddedH2() {
    try (Convener h2 = Conveners.builder().database("jdbc:h2:mem:follower-" + UUID.randomUUID()).inMemoryKeys()
        .build()) {
      h2.start();
      assertThat(followerRunning()).as("embedded H2").isFalse();
    }
    try (Convener sqlite = Conveners.builder().database("jdbc:sqlite:" + dir.resolve("shared.db")).inMemoryKeys()
        .build()) {
      sqlite.start();
      assertThat(followerRunning()).as("an SQLite file").isTrue();
    }
  }
}
