package io.convener.jdbc.internal.db;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.convener.jdbc.Dialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write transaction again when it failed because of a concurrent writer ({@link
 * Dialect#isTransient}), bounded in attempts and in time: at most {@code maxAttempts} attempts,
 * and no new attempt once {@code budget} has passed since the first began. Retries wait a short,
 * growing, jittered delay, and log at debug level only: a retry that succeeds is not news. A
 * failure that outlasts the bound reaches the caller as {@link Exhausted}, with the number of
 * attempts and the time spent, so that the message can say what to do.
 *
 * <p>Failsafe's retry policy rather than a hand-written loop: it bounds count and duration
 * together and adds backoff with jitter, which a loop would have to get right again. No attempt is
 * ever interrupted (an interrupt inside H2's file I/O closes the database's file channel), so an
 * attempt's own length is bounded by the database's lock timeout, not by this budget.
 */
final class Retries {
  private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

  /** One attempt of a write; may throw the driver's exception. */
  interface Attempt<R> {
    R run() throws SQLException;
  }

  /** A transient failure that lasted through every allowed attempt. */
  static final class Exhausted extends Exception {
    private static final long serialVersionUID = 1L;
    final int attempts;
    final Duration spent;

    Exhausted(Exception cause, int attempts, Duration spent) {
      super(cause);
      this.attempts = attempts;
      this.spent = spent;
    }
  }

  private final int maxAttempts;
  private final Duration budget;

  Retries(int maxAttempts, Duration budget) {
    this.maxAttempts = maxAttempts;
    this.budget = budget;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails with a non-transient error (thrown as it is), or
   * the bound is reached ({@link Exhausted}).
   */
  <R> R run(String action, Attempt<R> attempt) throws Exhausted, SQLException {
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    RetryPolicy<R> policy = RetryPolicy.<R>builder()
        .handleIf(Retries::isTransient)
        .withMaxAttempts(maxAttempts)
        .withMaxDuration(budget)
        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(500))
        .withJitter(0.25)
        .onRetry(e -> LOG.debug("retrying '{}' (attempt {}) after a concurrent writer's failure: {}",
            action, e.getAttemptCount() + 1, String.valueOf(e.getLastException())))
        .build();
    try {
      return Failsafe.with(policy).get(() -> {
        attempts.incrementAndGet();
        return attempt.run();
      });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof SQLException sql) {
        if (isTransient(sql)) {
          throw new Exhausted(sql, attempts.get(), Duration.ofNanos(System.nanoTime() - start));
        }
        throw sql;
      }
      throw e;
    } catch (JdbiException e) {
      if (isTransient(e)) {
        throw new Exhausted(e, attempts.get(), Duration.ofNanos(System.nanoTime() - start));
      }
      throw e;
    }
  }

  /** Whether the failure, or any of its causes, is a concurrent writer's ({@link Dialect#isTransient}). */
  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && Dialect.isTransient(sql)) {
        return true;
      }
    }
    return false;
  }
}
