package io.convener.core;

import io.convener.api.Convener;
import io.convener.api.ingest.IngestService;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The facade over the injected services. */
@Singleton
final class DefaultConvener implements Convener {
  private final StorageLifecycle storage;
  private final IngestService ingest;

  @Inject
  DefaultConvener(StorageLifecycle storage, IngestService ingest) {
    this.storage = storage;
    this.ingest = ingest;
  }

  @Override
  public void start() {
    storage.start();
  }

  @Override
  public IngestService ingest() {
    return ingest;
  }

  @Override
  public void close() {
    storage.close();
  }
}
