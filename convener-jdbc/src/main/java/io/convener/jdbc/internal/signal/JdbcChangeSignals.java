package io.convener.jdbc.internal.signal;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.ChangeSignals;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * {@link ChangeSignals} on the store's database. On PostgreSQL a signal is {@code SELECT
 * pg_notify('convener_signals', 'SCHEMA|TOPIC|TENANT')}, run through the {@link Database} so that
 * it joins the writing transaction of the calling thread when there is one (PostgreSQL then sends
 * it at commit, and drops it on rollback); all topics share the one channel, and the payload names
 * the schema because notifications reach every session of the database, whichever schema it uses.
 * Subscriptions share one {@link PgListener}, started by the first and stopped with the last. On
 * SQLite and H2, signals reach no one and subscribers poll. Thread-safe.
 */
final class JdbcChangeSignals implements ChangeSignals {
  /** The one channel every topic is sent on. */
  static final String CHANNEL = "convener_signals";
  static final String NOTIFY = "SELECT pg_notify(:channel, :payload)";
  static final String SCHEMA = "SELECT current_schema()";

  private final Database database;
  private volatile @Nullable String schema;
  private @Nullable PgListener listener;

  @Inject
  JdbcChangeSignals(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void signal(String topic, TenantId tenant) {
    ChangeSignals.checkTopic(topic);
    requireNonNull(tenant, "tenant");
    if (!pushes()) {
      return;
    }
    String payload = schema(tenant) + '|' + topic + '|' + tenant.value();
    database.update("signal a change", tenant, h -> h.createQuery(NOTIFY)
        .bind("channel", CHANNEL).bind("payload", payload).map((rs, ctx) -> 1).one());
  }

  @Override
  public Subscription subscribe(String topic, Listener onSignal) {
    ChangeSignals.checkTopic(topic);
    requireNonNull(onSignal, "onSignal");
    if (!pushes()) {
      return () -> { };
    }
    PgListener running;
    synchronized (this) {
      if (listener == null || listener.stopped()) {
        listener = new PgListener(database.settings(), CHANNEL);
      }
      running = listener;
    }
    return running.add(topic, onSignal);
  }

  @Override
  public boolean pushes() {
    return database.dialect() == Dialect.POSTGRESQL;
  }

  /**
   * False for an embedded H2 database (in memory, or a file, which H2 locks to the process that
   * opens it); true for everything else, an H2 server ({@code jdbc:h2:tcp:}, {@code ssl:}, {@code
   * AUTO_SERVER}) included.
   */
  @Override
  public boolean sharedByOtherProcesses() {
    if (database.dialect() != Dialect.H2) {
      return true;
    }
    String url = database.settings().url().toLowerCase(java.util.Locale.ROOT);
    return url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:") || url.contains("auto_server=true");
  }

  /** The listener's connection's backend process id, for tests; 0 when none is connected. */
  synchronized int listenerPid() {
    return listener == null ? 0 : listener.pid();
  }

  /** The store's schema: what other schemas' listeners filter out. */
  private String schema(TenantId tenant) {
    String known = schema;
    if (known == null) {
      known = database.read("read the current schema", tenant,
          h -> h.createQuery(SCHEMA).map((rs, ctx) -> String.valueOf(rs.getString(1))).one());
      schema = known;
    }
    return known;
  }
}
