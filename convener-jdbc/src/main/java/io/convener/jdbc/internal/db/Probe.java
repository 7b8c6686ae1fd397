package io.convener.jdbc.internal.db;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the open database whether it answers: {@link Database#answers} on one probe thread of its
 * own, so that the caller waits no longer than its timeout even when the database hangs. At most
 * one probe runs at a time: a caller that comes while one is running waits for that probe's answer
 * (within its own timeout) rather than start another, so a database stuck on a probe is never
 * asked twice and the waiters answer {@code false} at their timeouts. A probe is never interrupted
 * (an interrupt inside H2's file I/O closes the database's file channel); a stuck probe ends when
 * the database answers or fails, and the next caller starts a new one.
 */
final class Probe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

  private final Database database;
  private final ThreadPoolExecutor executor;
  private @Nullable Future<Boolean> running; // guarded by this

  Probe(Database database) {
    this.database = database;
    // One thread and a queue: a probe is submitted only once the previous one is done, so the
    // queue holds at most the one that the finishing thread has not yet picked up. (A hand-off
    // queue refused that probe when it came in the instant between two probes.)
    this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "convener-storage-probe");
      t.setDaemon(true);
      return t;
    });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /** Whether the database answered within {@code timeout}; never throws. */
  boolean answers(Duration timeout) {
    Future<Boolean> probe;
    synchronized (this) {
      Future<Boolean> last = running;
      if (last == null || last.isDone()) {
        try {
          last = executor.submit(() -> database.answers(timeout));
        } catch (RejectedExecutionException e) {
          LOG.debug("the storage probe is closed: not ready");
          return false;
        }
        running = last;
      } else {
        LOG.debug("a storage probe is still running: waiting for its answer");
      }
      probe = last;
    }
    try {
      return probe.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.debug("the store did not answer within {}", timeout);
      return false;
    } catch (ExecutionException e) {
      LOG.debug("the storage probe failed", e.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops taking probes; a probe still running ends on its own. */
  @Override
  public void close() {
    executor.shutdown();
  }
}
