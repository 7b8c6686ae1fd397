package io.convener.core.keys;

import io.convener.spi.keys.KeyProvider;
import io.convener.testing.keys.KeyProviderContract;
import java.time.Clock;
import java.util.Optional;

/** The key provider contract on the default provider without a key directory: keys in memory only. */
class LocalKeyProviderMemoryTest extends KeyProviderContract {
  @Override
  protected KeyProvider newProvider() {
    return new LocalKeyProvider(Optional.empty(), Clock.systemUTC());
  }
}
