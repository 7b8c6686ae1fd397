package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.RiskFlag;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.notify.NotifyTesting;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.notify.PulseWatchers;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pulse risks reach the watchers the host names, if they consent to be told, without naming members. */
class RiskNotificationTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
  private static final MemberId WATCHER = MemberId.of("watcher");
  private static final MemberId OTHER = MemberId.of("other-watcher");

  @Test
  void risksAreSentToConsentingWatchersOfTheScope() {
    Injector injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:risk-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel(),
        binder -> OptionalBinder.newOptionalBinder(binder, PulseWatchers.class).setBinding()
            .toInstance((tenant, scope) -> List.of(WATCHER, OTHER)));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      PlantedPulseScenario scenario = PlantedPulseScenario.standard();
      convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), scenario.members(), scenario.events());
      NotifyTesting.direct(convener, ACME, WATCHER);

      PulseReport quiet = convener.pulse().report(MANAGER,
          PulseRequest.of(PulseScope.team(PlantedPulseScenario.QUIET), PlantedPulseScenario.AS_OF));
      assertThat(quiet.risks()).isNotEmpty();

      List<Notification> sent = NotifyTesting.delivered(injector, ACME).all(ACME);
      assertThat(sent).hasSize((int) quiet.risks().stream().map(RiskFlag::kind).distinct().count())
          .allSatisfy(n -> {
            assertThat(n.recipient()).isEqualTo(WATCHER);
            assertThat(n.kind()).isEqualTo(RiskNotifier.KIND);
            assertThat(n.payload()).containsEntry("scope", PulseScope.team(PlantedPulseScenario.QUIET).wireName())
                .containsKeys("risk", "severity", "members");
            for (var member : scenario.members()) {
              assertThat(n.payload().values()).doesNotContain(member.id().value());
            }
          });

      // The same report again is the same messages (one per risk kind and day): nothing new.
      convener.pulse().report(MANAGER,
          PulseRequest.of(PulseScope.team(PlantedPulseScenario.QUIET), PlantedPulseScenario.AS_OF));
      assertThat(NotifyTesting.delivered(injector, ACME).all(ACME)).hasSize(sent.size());
    }
  }
}
