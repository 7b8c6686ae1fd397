package io.convener.testing.storage;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.spi.storage.PulseWatcherStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link PulseWatcherStore}: nobody watches until added, adds and removes
 * count only real changes, scopes of every kind (ids with colons and slashes included) are kept
 * apart and read back in wire-name order, and tenants never see each other's watchers. Extend it
 * once per database; {@link #openPulseWatcherStore()} hands over a new, empty, not yet started
 * store.
 */
public abstract class PulseWatcherStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final PulseScope PLATFORM = PulseScope.team(TeamId.of("platform"));
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BEN = MemberId.of("ben");
  private static final MemberId CAL = MemberId.of("cal");

  private @Nullable PulseWatcherStoreFixture fixture;
  private @Nullable PulseWatcherStore store;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected PulseWatcherStoreContract() {}

  /** A new, empty store over a new database; not started. */
  protected abstract PulseWatcherStoreFixture openPulseWatcherStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openPulseWatcherStore();
    fixture.lifecycle().start();
    store = fixture.watchers();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private PulseWatcherStore store() {
    assertThat(store).isNotNull();
    return requireNonNull(store);
  }

  @Test
  void nobodyWatchesUntilAdded() {
    assertThat(store().find(ACME, PLATFORM)).isEmpty();
    assertThat(store().findAll(ACME)).isEmpty();
    assertThat(store().remove(ACME, PLATFORM, List.of(ANA))).isZero();
  }

  @Test
  void addsAndRemovesCountOnlyRealChangesAndReadBackSorted() {
    assertThat(store().add(ACME, PLATFORM, List.of(CAL, ANA))).isEqualTo(2);
    assertThat(store().add(ACME, PLATFORM, List.of(ANA, BEN, BEN))).isEqualTo(1);
    assertThat(store().find(ACME, PLATFORM)).containsExactly(ANA, BEN, CAL);
    assertThat(store().remove(ACME, PLATFORM, List.of(BEN, MemberId.of("nobody")))).isEqualTo(1);
    assertThat(store().find(ACME, PLATFORM)).containsExactly(ANA, CAL);
    assertThat(store().remove(ACME, PLATFORM, List.of(ANA, CAL))).isEqualTo(2);
    assertThat(store().find(ACME, PLATFORM)).isEmpty();
    assertThat(store().findAll(ACME)).isEmpty();
  }

  @Test
  void scopesOfEveryKindAreKeptApartInWireNameOrder() {
    PulseScope org = PulseScope.org(OrgUnit.of("eng/platform"));
    PulseScope cohort = PulseScope.cohort(CohortId.of("2026:spring"));
    PulseScope namesake = PulseScope.cohort(CohortId.of("platform"));
    store().add(ACME, PLATFORM, List.of(ANA));
    store().add(ACME, org, List.of(BEN));
    store().add(ACME, cohort, List.of(CAL, ANA));
    store().add(ACME, namesake, List.of(CAL));
    store().add(ACME, PulseScope.tenant(), List.of(BEN));

    assertThat(store().find(ACME, namesake)).containsExactly(CAL);
    assertThat(store().findAll(ACME)).containsExactly(
        new ScopeWatchers(cohort, List.of(ANA, CAL)),
        new ScopeWatchers(namesake, List.of(CAL)),
        new ScopeWatchers(org, List.of(BEN)),
        new ScopeWatchers(PLATFORM, List.of(ANA)),
        new ScopeWatchers(PulseScope.tenant(), List.of(BEN)));
  }

  @Test
  void tenantsNeverSeeEachOthersWatchers() {
    store().add(ACME, PLATFORM, List.of(ANA));
    store().add(GLOBEX, PLATFORM, List.of(BEN));
    assertThat(store().find(ACME, PLATFORM)).containsExactly(ANA);
    assertThat(store().find(GLOBEX, PLATFORM)).containsExactly(BEN);
    assertThat(store().remove(GLOBEX, PLATFORM, List.of(ANA))).isZero();
    assertThat(store().findAll(ACME)).containsExactly(new ScopeWatchers(PLATFORM, List.of(ANA)));
    assertThat(store().findAll(GLOBEX)).containsExactly(new ScopeWatchers(PLATFORM, List.of(BEN)));
  }
}
