package io.convener.jdbc.internal.db;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the open database whether it answers: {@link Database#answers} on one probe thread of its
 * own, so that the caller waits no longer than its timeout even when the database hangs. At most
 * one probe runs at a time; while one is still stuck, further probes answer {@code false} at once
 * rather than queue. A probe is never interrupted (an interrupt inside H2's file I/O closes the
 * database's file channel); a stuck probe ends when the database answers or fails.
 */
final class Probe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

  private final Database database;
  private final ThreadPoolExecutor executor;

  Probe(Database database) {
    this.database = database;
    this.executor = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "convener-storage-probe");
      t.setDaemon(true);
      return t;
    });
  }

  /** Whether the database answered within {@code timeout}; never throws. */
  boolean answers(Duration timeout) {
    Future<Boolean> probe;
    try {
      probe = executor.submit(() -> database.answers(timeout));
    } catch (RejectedExecutionException e) {
      LOG.debug("the previous storage probe has not returned yet: not ready");
      return false;
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
