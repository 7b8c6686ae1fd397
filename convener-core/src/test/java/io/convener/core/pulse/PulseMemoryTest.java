package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rollups of many tenants stay within the {@link PulseMemory} budget: the least recently used
 * are dropped, and an evicted tenant's next pulse, loaded again from its day digests, is the same.
 */
class PulseMemoryTest {
  @Test
  void manyTenantsStayWithinTheBudgetAndAnEvictedTenantReloads() {
    PulseMemory small = new PulseMemory(1_000, 1_000);
    Injector injector = Guice.createInjector(new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.inMemoryH2("memory-" + UUID.randomUUID())),
        binder -> OptionalBinder.newOptionalBinder(binder, PulseMemory.class).setBinding().toInstance(small));
    Rollups rollups = injector.getInstance(Rollups.class);
    RandomTenant data = RandomTenant.of(42);
    List<Event> events = data.events().subList(0, 400);
    PulseRequest request = PulseRequest.of(PulseScope.team(data.teams().get(0)), RandomTenant.AS_OF);
    List<PulseReport> first = new ArrayList<>();
    try (Convener c = injector.getInstance(Convener.class)) {
      c.start();
      for (int t = 0; t < 5; t++) {
        Principal admin = Principal.of(TenantId.of("tenant-" + t), "admin", Role.ADMIN);
        c.ingest().submit(admin, data.members(), events);
        first.add(c.pulse().report(admin, request));
        // Two tenants' rollups (about 440 events and members each) fit, three do not.
        assertThat(rollups.held()).as("after tenant %d", t).isLessThanOrEqualTo(small.rollupEvents());
      }
      Principal evicted = Principal.of(TenantId.of("tenant-0"), "admin", Role.ADMIN);
      PulseReport again = c.pulse().report(evicted, request);
      assertThat(again.metrics()).isEqualTo(first.get(0).metrics());
      assertThat(again.baseline()).isEqualTo(first.get(0).baseline());
      assertThat(first.get(0).metrics().members()).isEqualTo(10);
      assertThat(rollups.held()).isPositive().isLessThanOrEqualTo(small.rollupEvents());
    }
  }

  @Test
  void aBudgetBelowOneIsRefused() {
    assertThatThrownBy(() -> new PulseMemory(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rollupEvents");
  }
}
