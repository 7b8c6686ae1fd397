/**
 * The storage contract: {@link io.convener.testing.storage.StorageContract}, an abstract JUnit 5
 * test class that every implementation of the storage SPI extends once per database, and
 * {@link io.convener.testing.storage.StoreFixture}, the stores a subclass hands it; and the same
 * pair for the consent store, {@link io.convener.testing.storage.ConsentStoreContract} and {@link
 * io.convener.testing.storage.ConsentStoreFixture}.
 */
@NullMarked
package io.convener.testing.storage;

import org.jspecify.annotations.NullMarked;
