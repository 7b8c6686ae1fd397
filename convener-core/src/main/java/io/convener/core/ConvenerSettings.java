package io.convener.core;

/**
 * Settings of the Convener services. Immutable; start from {@link #defaults()}.
 *
 * @param ingestBatchSize how many members or events ingestion writes per store transaction
 *     (1 to 100,000; default 1,000)
 */
public record ConvenerSettings(int ingestBatchSize) {
  /** Default batch size: large enough to amortise a commit, small enough to bound memory. */
  public static final int DEFAULT_INGEST_BATCH_SIZE = 1000;

  /** Validates ranges. */
  public ConvenerSettings {
    if (ingestBatchSize < 1 || ingestBatchSize > 100_000) {
      throw new IllegalArgumentException("ingestBatchSize must be in [1, 100000], got " + ingestBatchSize);
    }
  }

  /** The documented defaults. */
  public static ConvenerSettings defaults() {
    return new ConvenerSettings(DEFAULT_INGEST_BATCH_SIZE);
  }

  /** A copy with another ingestion batch size. */
  public ConvenerSettings withIngestBatchSize(int size) {
    return new ConvenerSettings(size);
  }
}
