package io.convener.jdbc.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.DatabaseModule;
import io.convener.spi.storage.LeasedNotification;
import io.convener.spi.storage.OutboxRow;
import io.convener.spi.storage.StorageLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases on outbox rows, once per database: what one relay claims no other relay claims while the
 * lease lasts (nor any row of the same recipient, so one recipient's rows are relayed in order by
 * one relay at a time); a released or expired lease makes the rows claimable again; and a relay
 * whose lease expired and was claimed again cannot release the new lease.
 */
abstract class OutboxLeasesContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Duration LONG = Duration.ofMinutes(5);

  @TempDir Path dir;
  private JdbcSettings settings;
  private StorageLifecycle lifecycle;
  private Database database;
  private JdbiNotificationStore store;

  abstract TestDatabase database();

  @BeforeEach
  void open() {
    settings = database().settings(dir);
    Injector injector = Guice.createInjector(new DatabaseModule(), b -> b.bind(JdbcSettings.class).toInstance(settings));
    lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    database = injector.getInstance(Database.class);
    store = new JdbiNotificationStore(database);
  }

  @AfterEach
  void close() {
    if (lifecycle == null) {
      return; // skipped: the database is not available
    }
    lifecycle.close();
    database().dispose(settings);
  }

  @Test
  void whatOneRelayHoldsNoOtherClaimsUntilItIsReleased() {
    write("k1", "ana", "bob");
    List<LeasedNotification> a = store.claim(ACME, "relay-a", Instant.now(), LONG, 10);
    assertThat(a).extracting(l -> l.message().recipient().value()).containsExactly("ana", "bob");
    assertThat(a).allSatisfy(l -> assertThat(l.owner()).isEqualTo("relay-a"));
    assertThat(store.claim(ACME, "relay-b", Instant.now(), LONG, 10)).as("claimed by b while a holds all").isEmpty();

    write("k2", "ana", "cyd");
    assertThat(store.claim(ACME, "relay-b", Instant.now(), LONG, 10))
        .as("b skips ana, whose first message a holds, and takes cyd")
        .extracting(l -> l.message().recipient().value()).containsExactly("cyd");

    assertThat(store.release(ACME, a.get(0))).isTrue();
    assertThat(store.claim(ACME, "relay-b", Instant.now(), LONG, 10))
        .as("once a released ana's message, b takes ana's messages in sequence order, and again what it holds")
        .extracting(l -> l.message().recipient().value() + "#" + l.message().sequence())
        .containsExactly("ana#1", "ana#2", "cyd#1");
  }

  @Test
  void anExpiredLeaseIsClaimedAgainAndItsOldHolderCannotReleaseIt() {
    write("k1", "ana");
    LeasedNotification a = store.claim(ACME, "relay-a", Instant.now(), Duration.ofMillis(300), 10).get(0);
    assertThat(store.claim(ACME, "relay-b", Instant.now(), LONG, 10)).isEmpty();
    // The lease runs out on the store's clock (the database's, on PostgreSQL): poll with a deadline.
    List<LeasedNotification> b = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> store.claim(ACME, "relay-b", Instant.now(), LONG, 10), claimed -> !claimed.isEmpty());
    assertThat(b).singleElement().satisfies(l -> assertThat(l.version()).isGreaterThan(a.version()));
    assertThat(store.release(ACME, a)).as("the old holder releases").isFalse();
    assertThat(store.claim(ACME, "relay-c", Instant.now(), LONG, 10)).as("b still holds it").isEmpty();
    assertThat(store.release(ACME, b.get(0))).isTrue();
    assertThat(store.claim(ACME, "relay-c", Instant.now(), LONG, 10)).hasSize(1);
  }

  @Test
  void onlyDueMessagesOfTheTenantAreClaimed() {
    write("k1", "ana");
    assertThat(store.claim(ACME, "relay-a", Instant.now().minus(Duration.ofHours(1)), LONG, 10))
        .as("not due an hour ago").isEmpty();
    assertThat(store.claim(TenantId.of("globex"), "relay-a", Instant.now(), LONG, 10)).as("another tenant's")
        .isEmpty();
    assertThat(store.claim(ACME, "relay-a", Instant.now(), LONG, 10)).hasSize(1);
  }

  private void write(String key, String... recipients) {
    Instant at = Instant.now().minusSeconds(1);
    List<OutboxRow> rows = Arrays.stream(recipients)
        .map(r -> new OutboxRow(MemberId.of(r), "test.kind", key, Map.of("about", key), "", false, at, 1))
        .toList();
    database.write("write outbox rows", ACME, h -> {
      OutboxWriter.write(h, ACME, rows);
      return null;
    });
  }
}
