package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.PrivateElements;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.ApprovalStore;
import io.convener.spi.storage.FeedbackStore;
import io.convener.spi.storage.ChampionSettingsStore;
import io.convener.spi.storage.ChangeSignals;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.CheckpointWebhookStore;
import io.convener.spi.storage.ConsentStore;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.RegionPinStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.IdempotencyStore;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.InnovationDetectionStore;
import io.convener.spi.storage.SharingAgreementStore;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.PulseSettingsStore;
import io.convener.spi.storage.PulseWatcherStore;
import io.convener.spi.storage.PulseDigestStore;
import io.convener.spi.storage.QuotaStore;
import io.convener.spi.storage.JobLeaseStore;
import io.convener.spi.storage.OutboxUpkeepStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.StoragePlace;
import io.convener.spi.storage.TenantSnapshots;
import io.convener.spi.storage.TenantStore;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStorageModuleTest {
  @TempDir Path dir;

  @Test
  void exposesExactlyTheStorageSpi() {
    List<Element> elements = Elements.getElements(new JdbcStorageModule(JdbcSettings.inMemoryH2("module")));

    assertThat(elements).hasSize(1).first().isInstanceOf(PrivateElements.class);
    assertThat(((PrivateElements) elements.get(0)).getExposedKeys()).containsExactlyInAnyOrder(
        Key.get(TenantStore.class), Key.get(MemberStore.class), Key.get(MembershipHistoryStore.class), Key.get(EventStore.class),
        Key.get(SubjectKeyStore.class), Key.get(ConsentStore.class), Key.get(ProvenanceStore.class),
        Key.get(ApprovalStore.class), Key.get(FeedbackStore.class), Key.get(SharingAgreementStore.class), Key.get(InnovationDetectionStore.class),
        Key.get(PulseSettingsStore.class),
        Key.get(PulseWatcherStore.class),
        Key.get(ChampionSettingsStore.class), Key.get(NotificationStore.class), Key.get(EventBlockStore.class),
        Key.get(ChangeStore.class), Key.get(ChangeSignals.class), Key.get(IdempotencyStore.class), Key.get(QuotaStore.class),
        Key.get(RegionPinStore.class), Key.get(PulseDigestStore.class), Key.get(JobLeaseStore.class),
        Key.get(OutboxUpkeepStore.class),
        Key.get(CheckpointWebhookStore.class),
        Key.get(StorageLifecycle.class), Key.get(TenantSnapshots.class), Key.get(StoragePlace.class));
  }

  @Test
  void theMemberStoreNeedsACipherFromOutsideTheModule() {
    assertThatThrownBy(() -> Guice.createInjector(new JdbcStorageModule(JdbcSettings.inMemoryH2("no-cipher"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining(PersonalDataCipher.class.getName());
  }

  @Test
  void storesAreSingletonsAndNothingIsOpenedBeforeStart() {
    Path file = dir.resolve("not/yet/created/convener.db");
    Injector injector = Guice.createInjector(new JdbcStorageModule(JdbcSettings.sqlite(file)),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    EventStore events = injector.getInstance(EventStore.class);
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);

    assertThat(injector.getInstance(EventStore.class)).isSameAs(events);
    assertThat(injector.getInstance(MemberStore.class)).isSameAs(injector.getInstance(MemberStore.class));
    assertThat(injector.getInstance(TenantStore.class)).isSameAs(injector.getInstance(TenantStore.class));
    assertThat(injector.getInstance(SubjectKeyStore.class)).isSameAs(injector.getInstance(SubjectKeyStore.class));
    assertThat(injector.getInstance(ConsentStore.class)).isSameAs(injector.getInstance(ConsentStore.class));
    assertThat(dir.resolve("not")).doesNotExist();
    assertThatThrownBy(() -> events.count(TenantId.of("acme"), EventQuery.all()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("StorageLifecycle.start()");

    lifecycle.start();
    try {
      assertThat(file).exists();
      assertThat(events.count(TenantId.of("acme"), EventQuery.all())).isZero();
    } finally {
      lifecycle.close();
    }
    assertThatThrownBy(() -> events.count(TenantId.of("acme"), EventQuery.all()))
        .isInstanceOf(IllegalStateException.class);
  }
}
