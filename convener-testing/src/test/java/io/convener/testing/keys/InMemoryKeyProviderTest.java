package io.convener.testing.keys;

import io.convener.spi.keys.KeyProvider;

/** The key provider contract on the in-memory provider. */
class InMemoryKeyProviderTest extends KeyProviderContract {
  @Override
  protected KeyProvider newProvider() {
    return new InMemoryKeyProvider();
  }
}
