package io.convener.core.keys;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.core.internal.crypto.EnvelopeCipher;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.PersonalDataCipher;

/**
 * Binds the default {@link KeyProvider} (keyset files under {@code
 * ConvenerSettings.keyDirectory()}, or memory only) and the default {@link PersonalDataCipher}
 * (envelope encryption over the provider and the storage module's {@code SubjectKeyStore}), each a
 * singleton. A host replaces either with {@code OptionalBinder.newOptionalBinder(binder(),
 * KeyProvider.class).setBinding().to(...)}. Does no I/O: keys are read or created on first use.
 */
public final class KeysModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), KeyProvider.class).setDefault().to(LocalKeyProvider.class);
    bind(LocalKeyProvider.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), PersonalDataCipher.class).setDefault().to(EnvelopeCipher.class);
    bind(EnvelopeCipher.class).in(Singleton.class);
  }
}
