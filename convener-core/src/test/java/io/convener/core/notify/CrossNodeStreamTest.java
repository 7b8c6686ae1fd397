package io.convener.core.notify;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one SQLite file, where no signal crosses processes: a stream on the node that does
 * not relay sees what the other relayed by polling the inbox, once and in order.
 */
class CrossNodeStreamTest {
  @TempDir Path dir;

  @Test
  void aStreamOnOneNodeShowsWhatTheOtherRelayedOnceAndInOrder() {
    String url = "jdbc:sqlite:" + dir.resolve("shared.db").toAbsolutePath();
    try (TwoNodes nodes = new TwoNodes(url, dir.resolve("keys"))) {
      nodes.aMessageCausedOnAReachesAStreamOnBOnceInOrder();
    }
  }
}
