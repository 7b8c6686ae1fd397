package io.convener.jdbc.internal.db;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * The open database as the stores see it: hands out Jdbi handles, runs writes in one transaction
 * each, and turns every Jdbi or driver failure into a {@link StorageException} whose message names
 * the action and the tenant, never a row's content.
 *
 * <p>Writes are serialised when the dialect asks for it (SQLite and H2, see {@link
 * Dialect#singleWriter()}), so that writers of this process queue in Java rather than spin on a
 * busy timeout or fail on a unique index. A write for a tenant
 * first registers the tenant in the same transaction, unless this process has already seen it
 * registered; a write that fails because of a concurrent writer (it inserted the same key first,
 * a deadlock, a lock timeout) or because the tenant row went missing is retried whole, which is
 * safe because every write is idempotent. Writers avoid deadlocking each other by writing rows in
 * key order.
 *
 * <p>{@link #inTransaction} runs work in one write transaction that every read and write of this
 * class made on the same thread meanwhile joins (they then neither queue for the write lock nor
 * retry on their own: the outer transaction does, whole).
 *
 * <p>Thread-safe. Usable between {@code StorageLifecycle.start()} and {@code close()}; calls
 * outside that window throw {@link IllegalStateException}.
 */
public final class Database {
  /** How often a write is tried at most when it fails because of a concurrent writer. */
  static final int MAX_ATTEMPTS = 10;

  /** After how long a write that keeps failing because of a concurrent writer is given up. */
  static final Duration RETRY_BUDGET = Duration.ofSeconds(20);

  static final String REGISTER_TENANT =
      """
      INSERT INTO tenants (tenant_id)
      SELECT :tenant
      WHERE NOT EXISTS (SELECT 1 FROM tenants WHERE tenant_id = :tenant)""";

  static final String RAISE_CHANGE = "UPDATE tenants SET change_seq = change_seq + 1 WHERE tenant_id = :tenant";
  static final String CHANGE = "SELECT change_seq FROM tenants WHERE tenant_id = :tenant";
  /** The payload format of ChangeSignals on PostgreSQL: schema, topic and tenant, on one channel. */
  static final String NOTIFY_CHANGE =
      "SELECT pg_notify('convener_signals', current_schema() || '|tenant|' || :tenant)";

  private final JdbcSettings settings;
  private final Dialect dialect;
  private final Semaphore writers;
  private final Set<TenantId> knownTenants = ConcurrentHashMap.newKeySet();
  private final Retries retries;
  private final StoreBreaker breaker;
  private volatile @Nullable Jdbi jdbi;
  /** The handle of the {@link #inTransaction} this thread runs in, if any. */
  private final ThreadLocal<@Nullable Handle> joined = new ThreadLocal<>();
  private volatile @Nullable Tracer tracer;
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

  @Inject
  Database(JdbcSettings settings) {
    this(settings, new Retries(MAX_ATTEMPTS, RETRY_BUDGET));
  }

  Database(JdbcSettings settings, Retries retries) {
    this.settings = requireNonNull(settings, "settings");
    this.retries = requireNonNull(retries, "retries");
    this.breaker = new StoreBreaker(settings, StoreBreaker.DELAY);
    this.dialect = settings.dialect();
    this.writers = new Semaphore(dialect.singleWriter() ? 1 : Integer.MAX_VALUE, true);
  }

  /** The settings the database was configured with. */
  public JdbcSettings settings() {
    return settings;
  }

  /** The dialect of the database. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Makes each call a span ({@code storage ACTION}, a child of the caller's) of this OpenTelemetry;
   * Guice calls it when the injector has one (the Convener module binds it), else calls stay
   * untraced.
   */
  @com.google.inject.Inject(optional = true)
  void telemetry(OpenTelemetry otel) {
    this.tracer = otel.getTracer("io.convener.jdbc");
  }

  /** The work in a span named after the action, when a tracer is set. */
  private <R> HandleCallback<R, SQLException> traced(String action, HandleCallback<R, SQLException> work) {
    Tracer t = tracer;
    if (t == null) {
      return work;
    }
    return handle -> {
      Span span = t.spanBuilder("storage " + action).setAttribute(DB_SYSTEM, dialect.name()).startSpan();
      try (Scope ignored = span.makeCurrent()) {
        return work.withHandle(handle);
      } catch (SQLException | RuntimeException | Error e) {
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        throw e;
      } finally {
        span.end();
      }
    };
  }

  /** Makes the database usable; called by the lifecycle once the schema is migrated. */
  void attach(Jdbi opened) {
    knownTenants.clear();
    jdbi = opened;
  }

  /** Makes the database unusable again; called by the lifecycle before the pool closes. */
  void detach() {
    jdbi = null;
    knownTenants.clear();
  }

  /**
   * Runs {@code work} on a handle in auto-commit mode and returns its result. {@code work} may
   * use the handle's JDBC connection directly and throw its {@link SQLException}.
   *
   * @param action what is being done, for the failure message, such as {@code "find event"}
   * @throws StorageException when the database fails
   */
  public <R> R read(String action, TenantId tenant, HandleCallback<R, SQLException> untraced) {
    HandleCallback<R, SQLException> work = traced(action, untraced);
    Handle current = joined.get();
    if (current != null) {
      return inJoined(current, tenant, work, false);
    }
    Jdbi open = open(action, tenant);
    try {
      return open.withHandle(work);
    } catch (JdbiException | SQLException e) {
      throw failure(action, tenant, e);
    }
  }

  /**
   * Runs {@code work} in a read transaction where the driver needs one to stream a result set with
   * a fetch size rather than load it whole (PostgreSQL), and in auto-commit mode elsewhere (an
   * SQLite transaction begins {@code IMMEDIATE}, taking the write lock). Exceptions other than
   * Jdbi's, such as those of a caller's sink, pass through unchanged.
   *
   * @throws StorageException when the database fails
   */
  public void stream(String action, TenantId tenant, HandleCallback<?, SQLException> untraced) {
    HandleCallback<?, SQLException> work = traced(action, untraced);
    Handle current = joined.get();
    if (current != null) {
      inJoined(current, tenant, work, false);
      return;
    }
    Jdbi open = open(action, tenant);
    try {
      if (dialect == Dialect.POSTGRESQL) {
        open.inTransaction(work);
      } else {
        open.withHandle(work);
      }
    } catch (JdbiException | SQLException e) {
      throw failure(action, tenant, e);
    }
  }

  /**
   * Runs {@code work} in one write transaction for {@code tenant}, registering the tenant first
   * if needed, and commits. Retries the whole transaction when it fails because of a concurrent
   * writer ({@link Dialect#isTransient}), up to {@value #MAX_ATTEMPTS} attempts and for no longer
   * than {@link #RETRY_BUDGET}, so {@code work} must be idempotent; it should write rows in key
   * order so that writers do not deadlock.
   *
   * @throws StorageException when the database fails; nothing of {@code work} is then committed.
   *     When the retries run out, its message names the database and says what to do.
   */
  public <R> R write(String action, TenantId tenant, HandleCallback<R, SQLException> untraced) {
    HandleCallback<R, SQLException> work = traced(action, untraced);
    Handle current = joined.get();
    if (current != null) {
      return inJoined(current, tenant, work, true);
    }
    Jdbi open = open(action, tenant);
    return retried(action, tenant, () -> {
      boolean known = knownTenants.contains(tenant);
      try {
        R result =
            open.inTransaction(
                handle -> {
                  if (!known) {
                    handle.createUpdate(REGISTER_TENANT).bind("tenant", tenant.value()).execute();
                  }
                  return work.withHandle(handle);
                });
        knownTenants.add(tenant);
        return result;
      } catch (JdbiException | SQLException e) {
        knownTenants.remove(tenant);
        throw e;
      }
    });
  }

  /**
   * Runs {@code work} in one write transaction that only changes or deletes existing rows of
   * {@code tenant}, so it does not register the tenant; otherwise like {@link #write}, retries
   * included.
   *
   * @throws StorageException when the database fails; nothing of {@code work} is then committed
   */
  public <R> R update(String action, TenantId tenant, HandleCallback<R, SQLException> untraced) {
    HandleCallback<R, SQLException> work = traced(action, untraced);
    Handle current = joined.get();
    if (current != null) {
      return inJoined(current, tenant, work, false);
    }
    Jdbi open = open(action, tenant);
    return retried(action, tenant, () -> open.inTransaction(work));
  }

  /** Runs one write under the process's write lock per attempt, within the retry bound. */
  private <R> R retried(String action, TenantId tenant, Retries.Attempt<R> attempt) {
    try {
      return retries.run(action, () -> {
        writers.acquireUninterruptibly();
        try {
          return attempt.run();
        } finally {
          writers.release();
        }
      });
    } catch (Retries.Exhausted e) {
      throw exhausted(action, tenant, e);
    } catch (JdbiException | SQLException e) {
      throw failure(action, tenant, e);
    }
  }

  /**
   * Whether the database takes a write now: waits at most {@code timeout} for this process's write
   * lock, then runs {@code SELECT 1} in a write transaction (on SQLite that takes the database's
   * write lock, so a lock another process holds shows) with a query timeout. Blocks while the
   * database hangs; {@link Probe} bounds the caller's wait.
   *
   * @return false when the store is not open, the write lock stays taken, or the database fails
   */
  boolean answers(Duration timeout) throws InterruptedException {
    Jdbi open = jdbi;
    if (open == null || !writers.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    try {
      int seconds = (int) Math.max(1, timeout.toSeconds());
      return open.inTransaction(handle ->
          handle.createQuery("SELECT 1").setQueryTimeout(seconds).mapTo(Integer.class).one() == 1);
    } catch (JdbiException e) {
      return false;
    } finally {
      writers.release();
    }
  }

  /**
   * Runs {@code work} in one write transaction for {@code tenant}, like {@link #write}, retries
   * included; every call of this class that {@code work} makes on this thread joins that
   * transaction. Called while one runs on this thread, joins it.
   *
   * @throws StorageException when the database fails; nothing of {@code work} is then committed
   */
  public <R> R inTransaction(String action, TenantId tenant, Supplier<R> work) {
    if (joined.get() != null) {
      return work.get();
    }
    return write(action, tenant, handle -> {
      joined.set(handle);
      try {
        return work.get();
      } catch (JoinedFailure f) {
        throw f.sql;
      } finally {
        joined.remove();
      }
    });
  }

  /**
   * Runs a joined call's work on the outer transaction's handle. Its SQL failure passes to the
   * outer transaction, which rolls back and decides whether to retry.
   */
  private <R> R inJoined(Handle handle, TenantId tenant, HandleCallback<R, SQLException> work, boolean register) {
    try {
      if (register && !knownTenants.contains(tenant)) {
        handle.createUpdate(REGISTER_TENANT).bind("tenant", tenant.value()).execute();
      }
      return work.withHandle(handle);
    } catch (SQLException e) {
      throw new JoinedFailure(e);
    }
  }

  /** Carries a joined call's {@link SQLException} out to {@link #inTransaction}, which rethrows it. */
  private static final class JoinedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SQLException sql;

    JoinedFailure(SQLException sql) {
      super(sql.getMessage(), sql, false, false);
      this.sql = sql;
    }
  }

  /**
   * Raises the tenant's change counter by one in the transaction of {@code handle} and returns the
   * new value, with which the caller stamps the rows it writes. The update takes the tenant row's
   * write lock until the transaction ends, so the writers of one tenant commit in counter order: a
   * reader that sees the counter at N sees every change up to N. Call it first in the transaction,
   * before writing the stamped rows, so that the lock is the first one taken; the tenant must be
   * registered (a {@link #write} does that). On PostgreSQL it also signals the {@code tenant} topic
   * of the store's {@code ChangeSignals}, which other nodes hear when the transaction commits.
   */
  public long nextChange(Handle handle, TenantId tenant) {
    int raised = handle.createUpdate(RAISE_CHANGE).bind("tenant", tenant.value()).execute();
    if (raised != 1) {
      throw new IllegalStateException("tenant '" + tenant + "' is not registered");
    }
    if (dialect == Dialect.POSTGRESQL) {
      // The "tenant" topic of ChangeSignals, sent when this transaction commits (dropped on rollback).
      handle.createQuery(NOTIFY_CHANGE).bind("tenant", tenant.value()).map((rs, ctx) -> 1).one();
    }
    return handle.createQuery(CHANGE).bind("tenant", tenant.value()).mapTo(Long.class).one();
  }

  /** Registers the tenant unless this process has seen it registered already. */
  public void register(TenantId tenant) {
    if (!knownTenants.contains(tenant)) {
      write("register tenant", tenant, handle -> null);
    }
  }

  /** Whether this process has seen the tenant registered since the database was opened. */
  public boolean isKnown(TenantId tenant) {
    return knownTenants.contains(tenant);
  }

  /** Remembers that the tenant is registered (after reading its row). */
  public void remember(TenantId tenant) {
    knownTenants.add(tenant);
  }

  /** The open Jdbi, once the store's circuit breaker lets the call through (see {@link StoreBreaker}). */
  private Jdbi open(String action, TenantId tenant) {
    Jdbi open = jdbi;
    if (open == null) {
      throw new IllegalStateException(
          "the " + dialect + " store is not open: call Convener.start() first (or StorageLifecycle.start() when wiring storage alone)");
    }
    try {
      breaker.permit();
    } catch (SQLException e) {
      throw new StorageException("could not " + action + " for tenant '" + tenant + "' in the "
          + settings.describe() + ": " + e.getMessage(), e);
    }
    return open;
  }

  /** Whether the store's circuit breaker refuses calls now, after the database was found unreachable. */
  boolean unreachable() {
    return breaker.isOpen();
  }

  private StorageException failure(String action, TenantId tenant, Exception e) {
    breaker.ended(e);
    StringBuilder message =
        new StringBuilder("could not ").append(action).append(" for tenant '").append(tenant)
            .append("' in the ").append(settings.describe());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        message.append(" (SQL state ").append(sql.getSQLState())
            .append(", error code ").append(sql.getErrorCode()).append(')');
        break;
      }
    }
    return new StorageException(message.toString(), e);
  }

  /** The failure of a write whose concurrent-writer failures outlasted the retries: what to do. */
  private StorageException exhausted(String action, TenantId tenant, Retries.Exhausted e) {
    Throwable cause = e.getCause();
    breaker.ended(e);
    String state = "";
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        state = " (SQL state " + sql.getSQLState() + ", error code " + sql.getErrorCode() + ")";
        break;
      }
    }
    String seconds = String.format(Locale.ROOT, "%.1f", e.spent.toMillis() / 1000.0);
    return new StorageException(
        "could not " + action + " for tenant '" + tenant + "' in the " + settings.describe()
            + ": still locked or conflicting after " + e.attempts + " attempts in " + seconds + " s"
            + state + "; another process may hold the database's lock (stop it and try again),"
            + " or the database may be damaged (run `convener repair`, see docs/storage.md)",
        cause);
  }
}
