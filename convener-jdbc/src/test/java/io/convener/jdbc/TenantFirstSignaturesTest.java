package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.spi.storage.ApprovalStore;
import io.convener.spi.storage.ChampionSettingsStore;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.SharingAgreementStore;
import io.convener.spi.storage.PulseSettingsStore;
import io.convener.spi.storage.TenantStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenancy by construction: every storage method takes the tenant first. */
class TenantFirstSignaturesTest {
  private static final List<Class<?>> STORES =
      List.of(TenantStore.class, MemberStore.class, EventStore.class, SubjectKeyStore.class, ConsentStore.class,
          ProvenanceStore.class, ApprovalStore.class, SharingAgreementStore.class,
          PulseSettingsStore.class, ChampionSettingsStore.class);

  @Test
  void everyStorageMethodTakesATenantIdFirst() {
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    for (Class<?> store : STORES) {
      for (Method m : store.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        checked++;
        if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != TenantId.class) {
          offenders.add(store.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
        }
      }
    }
    assertThat(checked).as("methods checked").isGreaterThanOrEqualTo(20);
    assertThat(offenders).as("storage methods whose first parameter is not a TenantId").isEmpty();
  }

  @Test
  void noStorageMethodTakesASecondTenant() {
    for (Class<?> store : STORES) {
      for (Method m : store.getMethods()) {
        long tenants = Arrays.stream(m.getParameterTypes()).filter(t -> t == TenantId.class).count();
        assertThat(tenants).as(store.getSimpleName() + "." + m.getName()).isLessThanOrEqualTo(1);
      }
    }
  }
}
