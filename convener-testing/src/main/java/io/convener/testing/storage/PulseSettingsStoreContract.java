package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.api.pulse.PulseSettings;
import io.convener.spi.storage.PulseSettingsStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link PulseSettingsStore}: nothing until saved, every threshold read back
 * exactly, a save replaces, and tenants never see each other's settings. Extend it once per
 * database; {@link #openPulseSettingsStore()} hands over a new, empty, not yet started store.
 */
public abstract class PulseSettingsStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private @Nullable PulseSettingsStoreFixture fixture;
  private @Nullable PulseSettingsStore store;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected PulseSettingsStoreContract() {}

  /** A new, empty store over a new database; not started. */
  protected abstract PulseSettingsStoreFixture openPulseSettingsStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openPulseSettingsStore();
    fixture.lifecycle().start();
    store = fixture.settings();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private PulseSettingsStore store() {
    assertThat(store).isNotNull();
    return requireNonNull(store);
  }

  @Test
  void nothingIsFoundUntilSaved() {
    assertThat(store().find(ACME)).isEmpty();
  }

  @Test
  void everyThresholdIsReadBackExactlyAndASaveReplaces() {
    PulseSettings first = PulseSettings.builder().minGroupSize(7).engagementDrop(0.35).silentAfterEvents(4)
        .unansweredBelow(0.45).minMessages(12).inclusionGini(0.66).negativeSentiment(-0.25).minScoredEvents(9)
        .lowPsychSafety(4.5).build();
    store().save(ACME, first);
    assertThat(store().find(ACME)).contains(first);
    PulseSettings second = first.toBuilder().minGroupSize(3).lowPsychSafety(3.1).build();
    store().save(ACME, second);
    assertThat(store().find(ACME)).contains(second);
  }

  @Test
  void tenantsNeverSeeEachOthersSettings() {
    PulseSettings strict = PulseSettings.builder().minGroupSize(10).build();
    PulseSettings loose = PulseSettings.builder().minGroupSize(3).build();
    store().save(ACME, strict);
    assertThat(store().find(GLOBEX)).isEmpty();
    store().save(GLOBEX, loose);
    assertThat(store().find(ACME)).contains(strict);
    assertThat(store().find(GLOBEX)).contains(loose);
  }
}
