package io.convener.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.crypto.EnvelopeCipher;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.MemberStore;
import io.convener.testing.keys.InMemoryKeyProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysModuleTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void theDefaultsAreSingletonsAndNothingIsWrittenBeforeUse() {
    Path keys = dir.resolve("keys");
    Injector injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withKeyDirectory(keys)),
        new JdbcStorageModule(JdbcSettings.inMemoryH2("keys-module-defaults")));

    assertThat(injector.getInstance(KeyProvider.class)).isInstanceOf(LocalKeyProvider.class)
        .isSameAs(injector.getInstance(KeyProvider.class));
    assertThat(injector.getInstance(PersonalDataCipher.class)).isInstanceOf(EnvelopeCipher.class)
        .isSameAs(injector.getInstance(PersonalDataCipher.class));
    assertThat(keys).doesNotExist();
  }

  @Test
  void aHostReplacesTheKeyProviderThroughItsOptionalBinder() {
    InMemoryKeyProvider hostKeys = new InMemoryKeyProvider();
    Injector injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withKeyDirectory(dir.resolve("unused"))),
        new JdbcStorageModule(JdbcSettings.inMemoryH2("keys-module-override")),
        binder -> OptionalBinder.newOptionalBinder(binder, KeyProvider.class).setBinding().toInstance(hostKeys));

    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      Member ann = Member.builder(MemberId.of("ann")).email("ann@example.org").build();
      convener.ingest().submit(Principal.of(ACME, "test", Role.ADMIN), List.of(ann), List.of());

      assertThat(injector.getInstance(MemberStore.class).find(ACME, ann.id())).contains(ann);
      assertThat(hostKeys.keyEncryptionKey(ACME, hostKeys.keyset(ACME).primaryKeyId())).isPresent();
      assertThat(dir.resolve("unused")).doesNotExist();
    }
  }
}
