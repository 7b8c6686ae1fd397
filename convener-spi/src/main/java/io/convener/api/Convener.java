package io.convener.api;

import io.convener.api.ingest.IngestService;

/**
 * The facade a host holds: one running Convener, with its services. Obtain one from {@code
 * io.convener.core.Conveners.builder()}, or from a Guice injector built with {@code
 * ConvenerModule} and a storage module. Thread-safe; close it to release the store.
 */
public interface Convener extends AutoCloseable {
  /** Ingestion of members and events. */
  IngestService ingest();

  /** Releases the store and every other resource. Idempotent. */
  @Override
  void close();
}
