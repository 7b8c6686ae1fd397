package io.convener.core;

import io.convener.api.Convener;
import io.convener.api.consent.ConsentGate;
import io.convener.api.ingest.IngestService;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The facade over the injected services. */
@Singleton
final class DefaultConvener implements Convener {
  private final StorageLifecycle storage;
  private final IngestService ingest;
  private final ConsentGate consent;

  @Inject
  DefaultConvener(StorageLifecycle storage, IngestService ingest, ConsentGate consent) {
    this.storage = storage;
    this.ingest = ingest;
    this.consent = consent;
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
  public ConsentGate consent() {
    return consent;
  }

  @Override
  public void close() {
    storage.close();
  }
}
