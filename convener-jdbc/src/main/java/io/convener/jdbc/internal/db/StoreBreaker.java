package io.convener.jdbc.internal.db;

import static java.util.Objects.requireNonNull;

import dev.failsafe.CircuitBreaker;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's circuit breaker: once a call finds the database unreachable (a connection failure,
 * not a busy pool, a lock or a bad statement), later calls fail at once for {@link #DELAY} instead
 * of each waiting out the pool's connection timeout, so that services can answer from what they
 * last computed (degraded mode) and writes fail fast. After the delay one caller probes the
 * database with a connection of its own, outside the pool, which a refused connection fails at
 * once: on success the breaker closes and calls go through the pool again; on failure it stays open
 * for another delay.
 *
 * <p>Failsafe's {@link CircuitBreaker} keeps the state (closed, open, half-open with one permit) and
 * its timing, as the store's retries already use Failsafe; this class only says which failures
 * count and how the half-open probe is made. Thread-safe.
 */
final class StoreBreaker {
  /** How long calls fail fast after the database was found unreachable, before the next probe. */
  static final Duration DELAY = Duration.ofSeconds(2);

  /** SQL states of PostgreSQL that say the server is shutting down or not accepting connections. */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
  /** H2's "connection is broken" and "database is closed" (its SQL state is the error code). */
  private static final Set<String> H2_GONE = Set.of("90067", "90098", "90121");

  private static final Logger LOG = LoggerFactory.getLogger(StoreBreaker.class);

  private final JdbcSettings settings;
  private final CircuitBreaker<Object> breaker;
  private final AtomicReference<String> lastCause = new AtomicReference<>("");

  StoreBreaker(JdbcSettings settings, Duration delay) {
    this.settings = requireNonNull(settings, "settings");
    this.breaker = CircuitBreaker.builder()
        .withFailureThreshold(1)
        .withSuccessThreshold(1)
        .withDelay(requireNonNull(delay, "delay"))
        .onOpen(e -> LOG.warn("the {} is unreachable ({}); store calls fail fast for {} ms, then one probes it",
            settings.describe(), lastCause.get(), delay.toMillis()))
        .onClose(e -> LOG.info("the {} answers again; store calls go through", settings.describe()))
        .build();
  }

  /**
   * Lets a call through, or throws at once while the database is known to be unreachable. The one
   * caller that gets the half-open permit probes the database first.
   *
   * @throws SQLTransientConnectionException when the breaker is open or the probe fails
   */
  void permit() throws SQLTransientConnectionException {
    if (breaker.isClosed()) {
      return;
    }
    if (!breaker.tryAcquirePermit()) {
      throw unavailable();
    }
    if (breaker.isHalfOpen()) {
      probe();
    }
  }

  /** Whether calls are being refused now (open or half-open). */
  boolean isOpen() {
    return !breaker.isClosed();
  }

  /** Notes how a call that {@link #permit} let through ended; only unreachability counts. */
  void ended(Throwable failure) {
    if (unreachable(failure)) {
      lastCause.set(summary(failure));
      breaker.recordFailure();
    }
  }

  private void probe() throws SQLTransientConnectionException {
    Properties props = new Properties();
    if (!settings.user().isEmpty()) {
      props.setProperty("user", settings.user());
    }
    settings.password().ifPresent(p -> props.setProperty("password", p));
    if (settings.dialect() == Dialect.POSTGRESQL) {
      props.setProperty("connectTimeout", "2"); // seconds: a probe of a silent host gives up soon
    }
    try (Connection c = DriverManager.getConnection(settings.url(), props)) {
      if (!c.isValid(2)) {
        throw new SQLException("the connection did not validate", "08000");
      }
      breaker.recordSuccess();
    } catch (SQLException | RuntimeException e) {
      lastCause.set(summary(e));
      breaker.recordFailure();
      throw unavailable();
    }
  }

  private SQLTransientConnectionException unavailable() {
    return new SQLTransientConnectionException("the database is unreachable (" + lastCause.get()
        + "); store calls fail fast until it answers again", "08001");
  }

  /**
   * Whether a failure says the database cannot be reached: a connection-class SQL state ({@code
   * 08}), a server shutting down, H2's broken connection, or a pool timeout caused by failures to
   * connect (a pool timeout without a cause is a busy pool, which does not count).
   */
  static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException && t.getCause() != null) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || SERVER_GONE.contains(state) || H2_GONE.contains(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The failure's class and SQL state, without any message that could carry a row's content. */
  private static String summary(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQL state " + sql.getSQLState();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure.getClass().getSimpleName();
  }
}
