package io.convener.jdbc.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.spi.storage.JobLease;
import io.convener.spi.storage.StorageLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Job leases on every database: a due run is claimed by one node, is not due again until the
 * period it was completed with has passed, and a run whose lease ended is taken over, after which
 * the old holder cannot complete it; two stores racing for one run agree on one winner.
 */
class JdbiJobLeaseStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunIsClaimedOnceAndDueAgainAfterItsPeriod(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    try (Opened store = open(settings)) {
      assertThat(store.leases.lastRun(ACME, "purge")).isEmpty();
      JobLease a = store.leases.claim(ACME, "purge", "node-a", T0, LEASE).orElseThrow();
      assertThat(store.leases.claim(ACME, "purge", "node-b", T0.plusSeconds(1), LEASE))
          .as("claimed while node-a holds the run").isEmpty();
      assertThat(store.leases.claim(ACME, "expiry", "node-b", T0, LEASE)).as("another job").isPresent();
      assertThat(store.leases.claim(GLOBEX, "purge", "node-b", T0, LEASE)).as("another tenant").isPresent();

      assertThat(store.leases.complete(ACME, a, T0.plusSeconds(5), T0.plusSeconds(60))).isTrue();
      assertThat(store.leases.lastRun(ACME, "purge")).contains(T0.plusSeconds(5));
      assertThat(store.leases.claim(ACME, "purge", "node-b", T0.plusSeconds(59), LEASE)).as("before the period").isEmpty();
      assertThat(store.leases.claim(ACME, "purge", "node-b", T0.plusSeconds(60), LEASE)).as("once due").isPresent();
      assertThat(store.leases.tenants(TenantId.of("0"), 10)).containsExactly(ACME, GLOBEX);
      assertThat(store.leases.tenants(TenantId.of("b"), 10)).containsExactly(GLOBEX);
      assertThatThrownBy(() -> store.leases.claim(ACME, "", "node-a", T0, LEASE))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job");
    } finally {
      database.dispose(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunWhoseLeaseEndedIsTakenOverAndTheOldHolderCannotCompleteIt(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    try (Opened store = open(settings)) {
      JobLease dead = store.leases.claim(ACME, "pulse-risks", "node-a", T0, LEASE).orElseThrow();
      assertThat(store.leases.claim(ACME, "pulse-risks", "node-b", T0.plus(LEASE), LEASE))
          .as("at the end of the lease").isEmpty();
      JobLease taken = store.leases.claim(ACME, "pulse-risks", "node-b", T0.plus(LEASE).plusNanos(1000), LEASE)
          .orElseThrow();
      assertThat(taken.version()).isGreaterThan(dead.version());
      assertThat(store.leases.complete(ACME, dead, T0, T0.plusSeconds(600))).as("the dead node's late completion").isFalse();
      assertThat(store.leases.complete(ACME, taken, T0.plus(LEASE), T0.plusSeconds(600))).isTrue();
    } finally {
      database.dispose(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "POSTGRESQL"})
  void twoStoresRacingForOneRunAgreeOnOneWinner(TestDatabase database) throws Exception {
    JdbcSettings settings = database.settings(dir);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Opened first = open(settings); Opened second = open(settings)) {
      first.leases.claim(ACME, "warm-up", "node-a", T0, LEASE);
      for (int round = 0; round < 15; round++) {
        Instant at = T0.plus(Duration.ofHours(round));
        String job = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<JobLease>>> claims = new ArrayList<>();
        claims.add(threads.submit(() -> {
          go.await();
          return first.leases.claim(ACME, job, "node-a", at, LEASE);
        }));
        claims.add(threads.submit(() -> {
          go.await();
          return second.leases.claim(ACME, job, "node-b", at, LEASE);
        }));
        go.countDown();
        long winners = 0;
        for (Future<Optional<JobLease>> claim : claims) {
          winners += claim.get().isPresent() ? 1 : 0;
        }
        assertThat(winners).as("winners of round " + round).isEqualTo(1);
      }
    } finally {
      threads.shutdown();
      database.dispose(settings);
    }
  }

  private static Opened open(JdbcSettings settings) {
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    return new Opened(lifecycle, new JdbiJobLeaseStore(injector.getInstance(Database.class)));
  }

  /** A started store on one database. */
  private record Opened(StorageLifecycle lifecycle, JdbiJobLeaseStore leases) implements AutoCloseable {
    @Override
    public void close() {
      lifecycle.close();
    }
  }
}
