package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.notify.NotifyTesting;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.notify.PulseWatchers;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stored watcher lists: gated (admins change, admins, community managers and compliance
 * officers read, one entry per call, refusals included), limited to the tenant's members, and the
 * default {@link PulseWatchers}, which a host's own binding still replaces.
 */
class WatchListTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "ops", Role.ADMIN);
  private static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
  private static final PulseScope QUIET = PulseScope.team(PlantedPulseScenario.QUIET);

  private static Injector injector(Module... more) {
    List<Module> modules = new ArrayList<>(List.of(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:watch-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel()));
    modules.addAll(List.of(more));
    return Guice.createInjector(modules);
  }

  private static PlantedPulseScenario load(Convener convener) {
    convener.start();
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), scenario.members(), scenario.events());
    return scenario;
  }

  private static List<String> outcomes(Convener convener, String activity) {
    return convener.provenance().query(ADMIN, ProvenanceQuery.builder().activity(activity).build()).entries().stream()
        .map(ProvenanceEntry::outcome).map(o -> o.status().name().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  @Test
  void aStoredWatcherWhoConsentsIsToldOfTheScopesRisks() {
    Injector injector = injector();
    try (Convener convener = injector.getInstance(Convener.class)) {
      PlantedPulseScenario scenario = load(convener);
      MemberId watcher = scenario.members().get(0).id();
      MemberId silent = scenario.members().get(1).id();
      NotifyTesting.direct(convener, ACME, watcher);
      assertThat(convener.pulse().watch(ADMIN, QUIET, List.of(watcher, silent)).members())
          .containsExactlyInAnyOrder(watcher, silent);

      assertThat(convener.pulse().report(MANAGER, PulseRequest.of(QUIET, PlantedPulseScenario.AS_OF)).risks())
          .isNotEmpty();
      List<Notification> sent = NotifyTesting.delivered(injector, ACME).all(ACME);
      assertThat(sent).isNotEmpty().allSatisfy(n -> {
        assertThat(n.recipient()).as("only the consenting watcher").isEqualTo(watcher);
        assertThat(n.kind()).isEqualTo(RiskNotifier.KIND);
      });

      // Once unwatched, nobody is told of the next day's risks.
      assertThat(convener.pulse().unwatch(ADMIN, QUIET, List.of(watcher, silent)).members()).isEmpty();
      convener.pulse().report(MANAGER, PulseRequest.of(QUIET, PlantedPulseScenario.AS_OF.plusSeconds(86_400)));
      assertThat(NotifyTesting.delivered(injector, ACME).all(ACME)).hasSize(sent.size());
    }
  }

  @Test
  void onlyAdminsChangeTheListAndEveryCallLeavesAnEntry() {
    try (Convener convener = injector().getInstance(Convener.class)) {
      MemberId watcher = load(convener).members().get(0).id();
      Principal member = Principal.of(ACME, watcher.value(), Role.MEMBER);
      assertThatThrownBy(() -> convener.pulse().watch(member, QUIET, List.of(watcher)))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> convener.pulse().watch(MANAGER, QUIET, List.of(watcher)))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> convener.pulse().watchers(Principal.of(ACME, "lead", Role.TEAM_LEAD)))
          .isInstanceOf(AccessDeniedException.class);
      convener.pulse().watch(ADMIN, QUIET, List.of(watcher));
      assertThatThrownBy(() -> convener.pulse().unwatch(member, QUIET, List.of(watcher)))
          .isInstanceOf(AccessDeniedException.class);

      assertThat(convener.pulse().watchers(MANAGER)).containsExactly(new ScopeWatchers(QUIET, List.of(watcher)));
      assertThat(convener.pulse().watchers(Principal.of(ACME, "audit", Role.COMPLIANCE_OFFICER), QUIET).members())
          .containsExactly(watcher);
      assertThat(outcomes(convener, WatchList.WATCH)).containsExactly("denied", "denied", "ok");
      assertThat(outcomes(convener, WatchList.UNWATCH)).containsExactly("denied");
      assertThat(outcomes(convener, WatchList.READ)).containsExactly("denied", "ok", "ok");
    }
  }

  @Test
  void aWatcherMustBeAMemberOfTheTenant() {
    try (Convener convener = injector().getInstance(Convener.class)) {
      MemberId real = load(convener).members().get(0).id();
      assertThatThrownBy(() -> convener.pulse().watch(ADMIN, QUIET, List.of(real, MemberId.of("ghost"))))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("members").hasMessageContaining("ghost");
      assertThatThrownBy(() -> convener.pulse().watch(ADMIN, QUIET, List.of()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("members");
      assertThat(convener.pulse().watchers(ADMIN, QUIET).members()).as("all or nothing").isEmpty();
      assertThat(outcomes(convener, WatchList.WATCH)).containsExactly("failed");
    }
  }

  @Test
  void aHostsOwnWatchersStillReplaceTheStoredList() {
    MemberId hosts = PlantedPulseScenario.standard().members().get(2).id();
    Injector injector = injector(binder -> OptionalBinder.newOptionalBinder(binder, PulseWatchers.class).setBinding()
        .toInstance((tenant, scope) -> List.of(hosts)));
    try (Convener convener = injector.getInstance(Convener.class)) {
      PlantedPulseScenario scenario = load(convener);
      MemberId stored = scenario.members().get(0).id();
      NotifyTesting.direct(convener, ACME, stored, hosts);
      convener.pulse().watch(ADMIN, QUIET, List.of(stored));
      convener.pulse().report(MANAGER, PulseRequest.of(QUIET, PlantedPulseScenario.AS_OF));
      assertThat(NotifyTesting.delivered(injector, ACME).all(ACME)).isNotEmpty()
          .allSatisfy(n -> assertThat(n.recipient()).isEqualTo(hosts));
    }
  }
}
