package io.convener.core;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the Convener services. Immutable; start from {@link #defaults()}.
 *
 * @param ingestBatchSize how many members or events ingestion writes per store transaction
 *     (1 to 100,000; default 1,000)
 * @param rateLimits per-tenant quotas of the public APIs (default {@link RateLimits#defaults()}:
 *     600 calls per minute per tenant and API)
 */
public record ConvenerSettings(int ingestBatchSize, RateLimits rateLimits) {
  /** Default batch size: large enough to amortise a commit, small enough to bound memory. */
  public static final int DEFAULT_INGEST_BATCH_SIZE = 1000;

  /** Validates ranges. */
  public ConvenerSettings {
    if (ingestBatchSize < 1 || ingestBatchSize > 100_000) {
      throw new IllegalArgumentException("ingestBatchSize must be in [1, 100000], got " + ingestBatchSize);
    }
    requireNonNull(rateLimits, "rateLimits");
  }

  /** Settings with this batch size and the default rate limits. */
  public ConvenerSettings(int ingestBatchSize) {
    this(ingestBatchSize, RateLimits.defaults());
  }

  /** The documented defaults. */
  public static ConvenerSettings defaults() {
    return new ConvenerSettings(DEFAULT_INGEST_BATCH_SIZE, RateLimits.defaults());
  }

  /** A copy with another ingestion batch size. */
  public ConvenerSettings withIngestBatchSize(int size) {
    return new ConvenerSettings(size, rateLimits);
  }

  /** A copy with other rate limits. */
  public ConvenerSettings withRateLimits(RateLimits limits) {
    return new ConvenerSettings(ingestBatchSize, limits);
  }
}
