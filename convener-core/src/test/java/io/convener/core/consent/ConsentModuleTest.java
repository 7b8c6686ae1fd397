package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import java.lang.reflect.Proxy;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentModuleTest {
  @Test
  void theBuilderWiresTheDefaultGateOnTheFacade() {
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:module-" + UUID.randomUUID()).build()) {
      ConsentGate gate = convener.consent();
      assertThat(gate).isInstanceOf(GatedConsentGate.class);
      TenantId acme = TenantId.of("acme");
      gate.grant(Principal.of(acme, "ana", Role.MEMBER), MemberId.of("ana"), Purpose.PROFILE_SHARE, "n-1");
      assertThat(gate.check(Principal.of(acme, "ana", Role.MEMBER), MemberId.of("ana"), Purpose.PROFILE_SHARE)).isTrue();
    }
  }

  @Test
  void aHostReplacesTheGateThroughItsOptionalBinder() {
    ConsentGate replacement = (ConsentGate) Proxy.newProxyInstance(
        ConsentGate.class.getClassLoader(), new Class<?>[] {ConsentGate.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
    AbstractModule override = new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ConsentGate.class).setBinding().toInstance(replacement);
      }
    };
    try (Convener convener = Conveners.builder()
        .database("jdbc:h2:mem:module-" + UUID.randomUUID()).module(override).build()) {
      assertThat(convener.consent()).isSameAs(replacement);
    }
  }
}
