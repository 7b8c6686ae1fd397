package io.convener.examples.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

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
    Thread poller = new Thread(() -> poll(url, tenant), "committed-poller");
    poller.setDaemon(true);
    poller.start();
    String[] command = Arrays.copyOfRange(args, 2, args.length);
    int code = ConvenerCommand.run(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }

  private static void poll(String url, String tenant) {
    long last = -1;
    while (true) {
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement count = c.prepareStatement("SELECT event_count FROM tenants WHERE tenant_id = ?")) {
        count.setString(1, tenant);
        while (true) {
          try (ResultSet rs = count.executeQuery()) {
            long now = rs.next() ? rs.getLong(1) : 0;
            if (now != last) {
              System.out.println("committed " + now);
              last = now;
            }
          }
          Thread.sleep(20);
        }
      } catch (SQLException e) {
        // The schema is not there yet: try again.
        sleep();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
