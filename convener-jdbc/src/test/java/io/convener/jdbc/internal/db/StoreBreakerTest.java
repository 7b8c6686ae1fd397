package io.convener.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §7: when the database stops answering, the store's circuit breaker makes calls fail fast
 * rather than each wait out the pool's connection timeout, a write that failed leaves nothing
 * behind, and calls go through again once the database is back. The database is a real H2 server
 * whose TCP listener is stopped and started again on the same port.
 */
class StoreBreakerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId BETA = TenantId.of("beta");
  private static final String COUNT = "SELECT COUNT(*) FROM tenants WHERE tenant_id = :tenant";

  @Test
  void callsFailFastWhileTheServerIsDownAndGoThroughOnceItIsBack() throws Exception {
    Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    int port = tcp.getPort();
    String url = "jdbc:h2:tcp://localhost:" + port + "/mem:breaker-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Database database = new Database(JdbcSettings.of(url));
    JdbiStorageLifecycle lifecycle = new JdbiStorageLifecycle(database);
    lifecycle.start();
    Server again = null;
    try {
      database.register(ACME);
      tcp.stop();

      long first = System.nanoTime();
      assertThatThrownBy(() -> count(database, ACME)).isInstanceOf(StorageException.class);
      Duration firstTook = Duration.ofNanos(System.nanoTime() - first);
      assertThat(firstTook).isLessThan(JdbiStorageLifecycle.REMOTE_CONNECTION_TIMEOUT.plusSeconds(2));
      assertThat(database.unreachable()).isTrue();

      long write = System.nanoTime();
      assertThatThrownBy(() -> database.register(BETA))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("register tenant")
          .hasMessageContaining("unreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - write)).isLessThan(Duration.ofSeconds(1));
      long read = System.nanoTime();
      assertThatThrownBy(() -> count(database, ACME)).isInstanceOf(StorageException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - read)).isLessThan(Duration.ofSeconds(1));

      again = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
      await().atMost(Duration.ofSeconds(15)).ignoreException(StorageException.class)
          .until(() -> count(database, ACME) == 1);
      assertThat(database.unreachable()).isFalse();
      assertThat(count(database, BETA)).as("the write refused during the outage left nothing").isZero();
      database.register(BETA);
      assertThat(count(database, BETA)).isOne();
    } finally {
      lifecycle.close();
      if (again != null) {
        again.stop();
      }
      tcp.stop();
    }
  }

  @Test
  void onlyFailuresToReachTheDatabaseCount() {
    assertThat(StoreBreaker.unreachable(new SQLException("refused", "08001"))).isTrue();
    assertThat(StoreBreaker.unreachable(new RuntimeException(new SQLException("broken", "90067")))).isTrue();
    assertThat(StoreBreaker.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(StoreBreaker.unreachable(
        new SQLTransientConnectionException("timeout", "08001", new SQLException("refused")))).isTrue();
    assertThat(StoreBreaker.unreachable(new SQLTransientConnectionException("pool busy: timeout"))).isFalse();
    assertThat(StoreBreaker.unreachable(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(StoreBreaker.unreachable(new SQLException("lock timeout", "HYT00"))).isFalse();
  }

  private static long count(Database database, TenantId tenant) {
    return database.read("count tenants", tenant,
        h -> h.createQuery(COUNT).bind("tenant", tenant.value()).mapTo(Long.class).one());
  }
}
