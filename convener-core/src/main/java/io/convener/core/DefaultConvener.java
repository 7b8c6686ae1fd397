package io.convener.core;

import io.convener.api.Convener;
import io.convener.api.ingest.IngestService;
import io.convener.api.provenance.ProvenanceLog;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The facade over the injected services. */
@Singleton
final class DefaultConvener implements Convener {
  private final StorageLifecycle storage;
  private final IngestService ingest;
  private final ProvenanceLog provenance;

  @Inject
  DefaultConvener(StorageLifecycle storage, IngestService ingest, ProvenanceLog provenance) {
    this.storage = storage;
    this.ingest = ingest;
    this.provenance = provenance;
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
  public ProvenanceLog provenance() {
    return provenance;
  }

  @Override
  public void close() {
    storage.close();
  }
}
