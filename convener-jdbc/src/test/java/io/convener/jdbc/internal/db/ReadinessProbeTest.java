package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: readiness asks the store, with a short timeout. After a crash the store hung every
 * call while readiness still said ready.
 */
class ReadinessProbeTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path dir;

  @Test
  void notReadyBeforeStartAndAfterClose() {
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(new Database(JdbcSettings.inMemoryH2("probe")));
    assertThat(lifecycle.isReady(SHORT)).isFalse();
    lifecycle.start();
    assertThat(lifecycle.isReady(Duration.ofSeconds(5))).isTrue();
    lifecycle.close();
    assertThat(lifecycle.isReady(SHORT)).isFalse();
  }

  /**
   * Two load balancers, or an embedded server and a mounted servlet, ask at the same time or one
   * right after the other: every answer is "ready". The probe refused a second caller that came
   * while, or the instant after, the first probe ran, and readiness flapped to 503.
   */
  @Test
  void probesBackToBackAndAtTheSameTimeAllAnswerReady() throws Exception {
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(new Database(JdbcSettings.inMemoryH2("probes")));
    lifecycle.start();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 300; i++) {
        assertThat(lifecycle.isReady(Duration.ofSeconds(5))).as("back-to-back probe " + i).isTrue();
      }
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        answers.add(callers.submit(() -> lifecycle.isReady(Duration.ofSeconds(5))));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).as("a concurrent probe").isTrue();
      }
    } finally {
      callers.shutdownNow();
      lifecycle.close();
    }
  }

  @Test
  void notReadyWhileAnotherConnectionHoldsTheWriteLockAndReadyAgainAfter() throws Exception {
    JdbcSettings settings = TestDatabase.SQLITE_FILE.settings(dir);
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(new Database(settings));
    lifecycle.start();
    try (Connection other = DriverManager.getConnection(settings.url()); Statement s = other.createStatement()) {
      assertThat(lifecycle.isReady(Duration.ofSeconds(5))).isTrue();
      other.setAutoCommit(false);
      s.executeUpdate("UPDATE tenants SET event_count = 0"); // takes SQLite's write lock, keeps it

      long start = System.nanoTime();
      assertThat(lifecycle.isReady(SHORT)).isFalse();
      assertThat(lifecycle.isReady(SHORT)).as("a second probe while the first is stuck").isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("the probe waits its timeout, not the database's busy timeout").isLessThan(Duration.ofSeconds(4));

      other.rollback();
      assertThat(readyWithin(Duration.ofSeconds(20), lifecycle)).isTrue();
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void notReadyWhileAWriteOfThisProcessHangs() throws Exception {
    Database database = new Database(JdbcSettings.inMemoryH2("probe-hang"));
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread stuck = new Thread(() -> database.write("hang", TenantId.of("acme"), h -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    try {
      stuck.start();
      started.await();
      assertThat(lifecycle.isReady(SHORT)).isFalse();
    } finally {
      release.countDown();
      stuck.join();
    }
    assertThat(readyWithin(Duration.ofSeconds(10), lifecycle)).isTrue();
    lifecycle.close();
  }

  private static boolean readyWithin(Duration limit, JdbiStorageLifecycle lifecycle) {
    try {
      await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> lifecycle.isReady(Duration.ofSeconds(1)));
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }
}
