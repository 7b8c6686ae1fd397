package io.convener.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.ConvenerModule;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.ProvenanceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows written with {@link Ledger#recordWith} commit exactly when the entry that accounts for them
 * does, on a real database; and verification's coverage check finds rows that no entry accounts
 * for. On H2 and SQLite (PostgreSQL runs the same code path in the storage ITs).
 */
class CoveredWriteTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;
  private String url = "";
  private Convener convener;
  private ProvenanceStore stored;
  private EventStore events;
  private LogVerifier verifier;
  private Injector injector;

  private void open(String db) {
    url = db.equals("h2") ? "jdbc:h2:mem:covered-" + UUID.randomUUID() : "jdbc:sqlite:" + dir.resolve("covered.db");
    injector = Guice.createInjector(new ConvenerModule(), new JdbcStorageModule(JdbcSettings.of(url)));
    convener = injector.getInstance(Convener.class);
    convener.start();
    stored = injector.getInstance(ProvenanceStore.class);
    events = injector.getInstance(EventStore.class);
    verifier = new LogVerifier(stored, t -> new LogVerifier.Snapshot(stored.head(t), stored.storedRows(t)));
  }

  @AfterEach
  void close() {
    if (convener != null) {
      convener.close();
    }
  }

  private static List<Event> batch(String prefix, int n) {
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(Event.builder(EventId.of(prefix + i), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
          EventKind.MESSAGE, MemberId.of("ana")).build());
    }
    return batch;
  }

  /** The entry of a batch that says it added {@code added} events. */
  private static EntryDraft entry(long added) {
    return EntryDraft.of(Agent.system("test"), BatchCounts.ACTIVITY, Sha256Hash.of(new byte[32]), Outcome.ok())
        .withGenerated(List.of(new BatchCounts(0, 0, 0, added, 0, 0).entity()));
  }

  private VerificationResult verify() {
    return verifier.verify(ACME, List.of(), injector.getInstance(CheckpointKeys.class).signingKey(ACME).keys().getPublic());
  }

  private long storedEvents() {
    return events.count(ACME, EventQuery.all());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void aBatchWhoseEntryCannotBeWrittenCommitsNoneOfItsRows(String db) {
    open(db);
    FailingAppends failing = new FailingAppends(stored);
    Ledger ledger = new Ledger(failing);
    List<Event> batch = batch("e", 50);

    failing.failing = true;
    assertThatThrownBy(() -> ledger.recordWith(ACME, () -> events.insert(ACME, batch), r -> entry(r.inserted())))
        .isInstanceOf(StorageException.class).hasMessageContaining("cannot be written");
    assertThat(storedEvents()).as("events of the batch whose entry failed").isZero();
    assertThat(stored.head(ACME).size()).isZero();

    failing.failing = false;
    var done = ledger.recordWith(ACME, () -> events.insert(ACME, batch), r -> entry(r.inserted()));
    assertThat(done.result().inserted()).isEqualTo(50);
    assertThat(done.sequence()).isZero();
    assertThat(storedEvents()).isEqualTo(50);
    assertThat(verify()).isEqualTo(VerificationResult.ok(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void aBatchIsRolledBackAndRunAgainWhenAnotherWriterAppendedFirst(String db) {
    open(db);
    Ledger mine = new Ledger(stored);
    Ledger other = new Ledger(stored);
    mine.recordWith(ACME, () -> events.insert(ACME, batch("a", 3)), r -> entry(r.inserted()));
    other.recordWith(ACME, () -> events.insert(ACME, batch("b", 4)), r -> entry(r.inserted()));

    AtomicInteger runs = new AtomicInteger();
    var done = mine.recordWith(ACME, () -> {
      runs.incrementAndGet();
      return events.insert(ACME, batch("c", 5));
    }, (InsertResult r) -> entry(r.inserted()));

    assertThat(runs).as("runs of the batch: once against the stale head, once after reloading it").hasValue(2);
    assertThat(done.sequence()).isEqualTo(2);
    assertThat(done.result().inserted()).as("the first run was rolled back, so the second found nothing stored").isEqualTo(5);
    assertThat(storedEvents()).isEqualTo(12);
    assertThat(verify()).isEqualTo(VerificationResult.ok(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void verificationFailsWhenStoredRowsAreCoveredByNoEntry(String db) throws Exception {
    open(db);
    Ledger ledger = new Ledger(stored);
    ledger.recordWith(ACME, () -> events.insert(ACME, batch("e", 10)), r -> entry(r.inserted()));
    assertThat(verify().verified()).isTrue();

    events.insert(ACME, batch("late", 3)); // committed without an entry, as a call that logged only at its end left them
    VerificationResult uncovered = verify();
    assertThat(uncovered.verified()).isFalse();
    assertThat(uncovered.firstBadEntry()).isEmpty();
    assertThat(uncovered.reason()).get().asString()
        .contains("3 stored events are covered by no entry").contains("13 events").contains("account for 10");

    ledger.recordWith(ACME, () -> events.insert(ACME, batch("more", 2)), r -> entry(r.inserted() + 3));
    assertThat(verify().verified()).as("an entry that accounts for them").isTrue();

    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO notification_outbox (tenant_id, recipient_id, seq, idem_key, kind, payload, digest_key,"
          + " critical, created_at, caused_by, status, next_attempt_at, in_inbox, seen_at, read_at)"
          + " VALUES ('acme', 'ana', 1, 'k', 'test', '{}', '', 0, 0, 99, 'QUEUED', 0, 0, 0, 0)");
    }
    assertThat(verify().reason()).get().asString().contains("1 of the tenant's 1 outbox messages name no entry");
  }
}
