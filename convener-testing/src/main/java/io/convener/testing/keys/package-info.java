/**
 * Key fixtures for tests: {@link io.convener.testing.keys.InMemoryKeyProvider}, a real {@code
 * KeyProvider} whose keys live only in memory, and {@link
 * io.convener.testing.keys.FakePersonalDataCipher}, a stand-in cipher (not encryption) for testing
 * stores without {@code convener-core}.
 */
@NullMarked
package io.convener.testing.keys;

import org.jspecify.annotations.NullMarked;
