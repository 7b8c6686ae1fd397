package io.convener.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.ProvenanceStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consent change commits with its entry or not at all: when the entry cannot be appended, the
 * consent record (or policy) the call wrote is rolled back with it, so no stored consent is ever
 * left that the log does not account for. On H2 and SQLite.
 */
class AtomicConsentChangeTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);

  @TempDir Path dir;
  private Convener convener;
  private final LedgerOverFailingAppends ledger = new LedgerOverFailingAppends();

  /** The ledger of the injector, over a store whose appends fail while told to. */
  static final class LedgerOverFailingAppends implements Provider<Ledger> {
    @Inject ProvenanceStore store;
    volatile FailingAppends appends;

    @Override
    public Ledger get() {
      appends = new FailingAppends(store);
      return new Ledger(appends);
    }
  }

  private void open(String db) {
    String url = db.equals("h2") ? "jdbc:h2:mem:atomic-consent-" + UUID.randomUUID()
        : "jdbc:sqlite:" + dir.resolve("atomic.db");
    Injector injector = Guice.createInjector(
        Modules.override(new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()))
            .with(b -> b.bind(Ledger.class).toProvider(ledger).in(Singleton.class)),
        new JdbcStorageModule(JdbcSettings.of(url)));
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  @AfterEach
  void close() {
    if (convener != null) {
      convener.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void aGrantWhoseEntryCannotBeWrittenIsNotStored(String db) {
    open(db);
    ledger.appends.failing = true;
    assertThatThrownBy(() -> convener.consent().grant(ADMIN, ANA, Purpose.PROFILE_SHARE, "n-1"))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> convener.consent().setPolicy(ADMIN, ConsentPolicy.enabling(Purpose.PROFILE_SHARE)))
        .isInstanceOf(StorageException.class);
    ledger.appends.failing = false;

    assertThat(convener.consent().history(ADMIN, ANA)).as("the record of the grant whose entry failed").isEmpty();
    assertThat(convener.consent().check(ADMIN, ANA, Purpose.PROFILE_SHARE)).isFalse();
    assertThat(convener.consent().policy(ADMIN)).isEqualTo(ConsentPolicy.defaults());

    convener.consent().grant(ADMIN, ANA, Purpose.PROFILE_SHARE, "n-1");
    assertThat(convener.consent().history(ADMIN, ANA)).hasSize(1);
    assertThat(convener.consent().granted(ADMIN, Optional.of(Purpose.PROFILE_SHARE))).hasSize(1);
  }
}
