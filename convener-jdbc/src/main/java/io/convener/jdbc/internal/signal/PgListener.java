package io.convener.jdbc.internal.signal;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.spi.storage.ChangeSignals.Listener;
import io.convener.spi.storage.ChangeSignals.Subscription;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one connection that {@code LISTEN} on PostgreSQL for a store's signals. The
 * connection is opened with {@link DriverManager}, outside the pool, which could otherwise reclaim
 * it. The thread waits in {@code getNotifications} at most {@value #WAIT_MS} ms at a time and then
 * checks that the connection is alive ({@code isValid}), since a connection lost without a reset
 * may never return a notification nor an error. When the connection fails it reconnects, waiting
 * longer between tries up to {@value #MAX_BACKOFF_MS} ms, and then tells every subscriber to
 * {@link Listener#resync()}: what was signalled meanwhile is lost. Only signals of the store's own
 * schema reach subscribers. Stops when its last subscription closes. Thread-safe.
 */
final class PgListener {
  static final int WAIT_MS = 5_000;
  static final int MAX_BACKOFF_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);

  private record Sub(String topic, Listener listener) {}

  private final JdbcSettings settings;
  private final String channel;
  private final List<Sub> subs = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int pid;

  PgListener(JdbcSettings settings, String channel) {
    this.settings = requireNonNull(settings, "settings");
    this.channel = requireNonNull(channel, "channel");
    this.thread = new Thread(this::run, "convener-signals");
    thread.setDaemon(true);
    thread.start();
  }

  /** Adds a subscriber; closing the last subscription stops the listener. */
  synchronized Subscription add(String topic, Listener listener) {
    Sub sub = new Sub(topic, listener);
    subs.add(sub);
    return () -> remove(sub);
  }

  private synchronized void remove(Sub sub) {
    if (subs.remove(sub) && subs.isEmpty()) {
      // The thread sees this within WAIT_MS and closes its connection; nothing waits for it.
      running = false;
    }
  }

  synchronized boolean stopped() {
    return !running;
  }

  /** The backend process id of the listening connection; 0 while not connected. */
  int pid() {
    return pid;
  }

  private void run() {
    long backoff = 100;
    boolean first = true;
    while (running) {
      try (Connection c = connect()) {
        String schema = listen(c);
        backoff = 100;
        if (!first) {
          LOG.info("listening for change signals again; subscribers re-read their state");
          subs.forEach(s -> call(s, null));
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] got = pg.getNotifications(WAIT_MS);
          if (got != null && got.length > 0) {
            dispatch(got, schema);
          } else if (running && !c.isValid(WAIT_MS / 1000)) {
            throw new SQLException("the listening connection is no longer valid");
          }
        }
      } catch (SQLException | RuntimeException e) {
        pid = 0;
        if (!running) {
          return;
        }
        LOG.warn("lost the connection that listens for change signals ({}); reconnecting in {} ms",
            e.getClass().getSimpleName(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
    pid = 0;
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    if (!settings.user().isEmpty()) {
      props.setProperty("user", settings.user());
    }
    settings.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", "convener-signals");
    return DriverManager.getConnection(settings.url(), props);
  }

  /** Starts listening; returns the connection's schema. */
  private String listen(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + channel);
      String schema;
      try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_schema()")) {
        rs.next();
        pid = rs.getInt(1);
        schema = String.valueOf(rs.getString(2));
      }
      return schema;
    }
  }

  private void dispatch(PGNotification[] got, String schema) {
    for (PGNotification n : got) {
      String[] parts = n.getParameter().split("\\|", 3);
      if (parts.length != 3 || !parts[0].equals(schema)) {
        continue; // another schema's (another test's, another application's) signal
      }
      TenantId tenant;
      try {
        tenant = TenantId.of(parts[2]);
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (Sub s : subs) {
        if (s.topic.equals(parts[1])) {
          call(s, tenant);
        }
      }
    }
  }

  /** Calls a subscriber with a tenant, or with a resync when the tenant is null. */
  private static void call(Sub s, @Nullable TenantId tenant) {
    try {
      if (tenant == null) {
        s.listener.resync();
      } else {
        s.listener.accept(tenant);
      }
    } catch (RuntimeException e) {
      LOG.warn("a change signal subscriber threw {}", e.getClass().getName());
    }
  }
}
