package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.ChampionThresholds;
import io.convener.spi.storage.ChampionSettingsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChampionSettingsStore}: every implementation passes it once per database
 * it supports. A subclass implements {@link #openChampionSettingsStore()}; the contract starts the
 * lifecycle before each test and closes the fixture after it.
 *
 * <p>Covered: nothing is found before a save; settings round-trip every weight (in order), every
 * excluded account and every threshold; a save replaces everything; two tenants never see each
 * other's settings.
 */
public abstract class ChampionSettingsStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private @Nullable ChampionSettingsStoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected ChampionSettingsStoreContract() {}

  /** A fixture over a new, empty database; the contract starts and closes it. */
  protected abstract ChampionSettingsStoreFixture openChampionSettingsStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openChampionSettingsStore();
    fixture.lifecycle().start();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private ChampionSettingsStore store() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture");
    }
    return fixture.settings();
  }

  private static ChampionSettings custom() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("brokerage", 0.4);
    w.put("influence", 0.25);
    w.put("code-reviews", 0.15);
    w.put("engagement", 0.0);
    ChampionThresholds t = ChampionThresholds.builder(ChampionThresholds.defaults()).championQuantile(0.8)
        .connectorBrokerage(0.45).connectorGroups(3).observerActivity(5).personaTau(0.5).broadcasterPostShare(0.6)
        .repeatDecay(0.25).structuralRefresh(0.02).build();
    return new ChampionSettings(w, Set.of(MemberId.of("bot-1"), MemberId.of("staff-ana")), t);
  }

  @Test
  void nothingIsFoundBeforeASave() {
    assertThat(store().find(ACME)).isEmpty();
  }

  @Test
  void settingsRoundTripEveryWeightInOrderEveryExclusionAndEveryThreshold() {
    store().save(ACME, custom());
    ChampionSettings read = store().find(ACME).orElseThrow();
    assertThat(read).isEqualTo(custom());
    assertThat(read.weights().keySet()).containsExactly("brokerage", "influence", "code-reviews", "engagement");
  }

  @Test
  void aSaveReplacesEverything() {
    store().save(ACME, custom());
    store().save(ACME, ChampionSettings.defaults());
    assertThat(store().find(ACME)).contains(ChampionSettings.defaults());
  }

  @Test
  void twoTenantsNeverSeeEachOthersSettings() {
    store().save(ACME, custom());
    assertThat(store().find(GLOBEX)).isEmpty();
    store().save(GLOBEX, ChampionSettings.defaults().withExcluded(Set.of(MemberId.of("bot-1"))));
    assertThat(store().find(ACME)).contains(custom());
    assertThat(store().find(GLOBEX).orElseThrow().excluded()).containsExactly(MemberId.of("bot-1"));
  }
}
