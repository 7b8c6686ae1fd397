package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskKind;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.feedback.FeedbackMarks;
import io.convener.core.internal.gate.Gate;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.pulse.SentimentAnalyzer;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.PulseSettingsStore;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When the store fails, the last report of the same question is served marked stale, with the
 * time it was computed and a cause free of internal detail; a question never answered before
 * fails, and so does a team lead's question answered before only for others.
 */
class StaleCacheTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);

  @Test
  void theLastKnownReportIsServedStaleWhenTheStoreFails() {
    Injector injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.inMemoryH2("stale-" + UUID.randomUUID())));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      PlantedPulseScenario scenario = PlantedPulseScenario.standard();
      convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), scenario.members(), scenario.events());
      FailingStores stores = new FailingStores(injector.getInstance(MemberStore.class), injector.getInstance(EventStore.class));
      Rollups rollups = new Rollups(stores, stores, SentimentAnalyzer.NONE);
      DefaultPulseAggregator pulse = new DefaultPulseAggregator(
          injector.getInstance(Gate.class), injector.getInstance(ConsentEngine.class), rollups,
          new TenantSettings(injector.getInstance(PulseSettingsStore.class)),
          injector.getInstance(RiskNotifier.class), injector.getInstance(WatchList.class), PulseMemory.DEFAULT,
          injector.getInstance(FeedbackMarks.class));
      PulseRequest steady = PulseRequest.of(PulseScope.team(PlantedPulseScenario.STEADY), PlantedPulseScenario.AS_OF);
      PulseRequest quiet = PulseRequest.of(PulseScope.team(PlantedPulseScenario.QUIET), PlantedPulseScenario.AS_OF);
      assertThat(pulse.report(MANAGER, quiet).disclosures()).hasSize(1);

      PulseReport fresh = pulse.report(MANAGER, steady);
      assertThat(fresh.stale()).isEmpty();

      stores.failing = true;
      rollups.invalidate(ACME);
      PulseReport stale = pulse.report(MANAGER, steady);
      assertThat(stale.stale()).hasValueSatisfying(s -> {
        assertThat(s.computedAt()).isEqualTo(fresh.computedAt());
        assertThat(s.cause()).contains("store is unavailable").doesNotContain("connection refused");
      });
      assertThat(stale.metrics()).isEqualTo(fresh.metrics());
      assertThat(stale.provenanceId()).isPresent().isNotEqualTo(fresh.provenanceId());

      // A stale report names nobody: the named silent member is counted with the other one.
      PulseReport staleQuiet = pulse.report(MANAGER, quiet);
      assertThat(staleQuiet.stale()).isPresent();
      assertThat(staleQuiet.disclosures()).isEmpty();
      assertThat(staleQuiet.risks(RiskKind.SILENT_MEMBER)).singleElement()
          .satisfies(r -> assertThat(r.count()).isEqualTo(2));

      // The check that a team is a lead's own needs the store: a lead gets no report served to others.
      Principal lead = Principal.of(ACME, "lead-of-nothing", Role.TEAM_LEAD);
      assertThatThrownBy(() -> pulse.report(lead, steady)).isInstanceOf(StorageException.class);

      PulseRequest unseen = steady.withWindow(Duration.ofDays(7));
      assertThatThrownBy(() -> pulse.report(MANAGER, unseen)).isInstanceOf(StorageException.class);

      stores.failing = false;
      PulseReport again = pulse.report(MANAGER, steady);
      assertThat(again.stale()).isEmpty();
      assertThat(again.metrics().get(PulseMetric.MEMBERS)).isEqualTo(fresh.metrics().get(PulseMetric.MEMBERS));
    }
  }
}
