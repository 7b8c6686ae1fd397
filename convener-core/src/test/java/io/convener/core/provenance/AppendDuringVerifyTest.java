package io.convener.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.VerificationResult;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.ProvenanceStore;
import java.security.PublicKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entries appended while the log is being read (a relay of the same process delivering, for one)
 * do not make verification fail. (Rows stored beyond a head that did not move still do: the
 * tampering tests of the provenance log cover that.)
 */
class AppendDuringVerifyTest {
  private static final TenantId ACME = TenantId.of("acme");

  private final Injector injector = Guice.createInjector(
      new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
      new JdbcStorageModule(JdbcSettings.inMemoryH2("append-during-verify-" + UUID.randomUUID())));
  private final Convener convener = injector.getInstance(Convener.class);
  private final ProvenanceStore store;
  private final Ledger ledger;

  AppendDuringVerifyTest() {
    convener.start();
    store = injector.getInstance(ProvenanceStore.class);
    ledger = injector.getInstance(Ledger.class);
  }

  @AfterEach
  void close() {
    convener.close();
  }

  private static EntryDraft draft(String activity) {
    return EntryDraft.of(Agent.system("test"), activity, Sha256Hash.of(new byte[32]), Outcome.ok());
  }

  private PublicKey key() {
    return injector.getInstance(CheckpointKeys.class).signingKey(ACME).keys().getPublic();
  }

  @Test
  void anEntryAppendedAfterTheSnapshotIsNoProblem() {
    ledger.record(ACME, draft("test.before"));
    LogVerifier verifier = new LogVerifier(store, t -> {
      LogVerifier.Snapshot snapshot = new LogVerifier.Snapshot(store.head(t), store.storedRows(t));
      ledger.record(t, draft("test.meanwhile")); // lands between the snapshot and the scan
      return snapshot;
    });

    assertThat(verifier.verify(ACME, List.of(), key())).isEqualTo(VerificationResult.ok(2));
  }
}
