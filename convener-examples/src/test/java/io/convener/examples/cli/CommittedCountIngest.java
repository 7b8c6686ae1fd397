package io.convener.examples.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A child JVM for the kill -9 test: runs {@code convener ARGS...} and, while it runs, prints on
 * stdout how many events of the tenant are committed ({@code committed N}), read from the
 * tenant's event counter every 20 ms on a connection of its own. The counter is written in the same
 * transaction as the rows, so a line means those rows were acknowledged. The parent kills this
 * process with SIGKILL once enough are committed.
 *
 * <p>Usage: {@code CommittedCountIngest JDBC_URL TENANT CONVENER_ARGS...}
 */
public final class CommittedCountIngest {
  private CommittedCountIngest() {}

  /** Runs the command with the poller beside it; exits with the command's exit code. */
  public static void main(String[] args) {
    String url = args[0];
    String tenant = args[1];
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "committed-poller");
      t.setDaemon(true);
      return t;
    });
    Poller poll = new Poller(url, tenant);
    poller.scheduleWithFixedDelay(poll::once, 0, 20, TimeUnit.MILLISECONDS);
    String[] command = Arrays.copyOfRange(args, 2, args.length);
    int code = ConvenerCommand.run(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }

  /** Reads the tenant's event counter and prints it when it changed; the schema may not exist yet. */
  private static final class Poller {
    private final String url;
    private final String tenant;
    private long last = -1;
    private @Nullable Connection connection;

    Poller(String url, String tenant) {
      this.url = url;
      this.tenant = tenant;
    }

    void once() {
      try {
        if (connection == null) {
          connection = DriverManager.getConnection(url);
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT event_count FROM tenants WHERE tenant_id = ?")) {
          count.setString(1, tenant);
          try (ResultSet rs = count.executeQuery()) {
            long now = rs.next() ? rs.getLong(1) : 0;
            if (now != last) {
              System.out.println("committed " + now);
              last = now;
            }
          }
        }
      } catch (SQLException e) {
        // The schema is not there yet: the next round tries again on a new connection.
        close();
      }
    }

    private void close() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException e) {
        // Nothing to keep.
      }
      connection = null;
    }
  }
}
