package io.convener.api.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an ingestion did. Every line is counted exactly once: as an accepted member, an accepted
 * event, a duplicate event or a rejection.
 *
 * @param members member lines taken (inserted or updated)
 * @param events event lines taken that were new
 * @param duplicates event lines whose id the tenant already had; nothing was changed for them
 * @param rejected the first rejections, in line order, at most {@link #MAX_LISTED_REJECTIONS}
 * @param rejectedCount how many lines were rejected in all (may exceed the size of {@code rejected})
 */
public record IngestReport(long members, long events, long duplicates, List<Rejection> rejected, long rejectedCount) {
  /** How many rejections a report lists one by one; the rest are only counted. */
  public static final int MAX_LISTED_REJECTIONS = 1000;

  /** Validates and copies. */
  public IngestReport {
    if (members < 0 || events < 0 || duplicates < 0 || rejectedCount < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    rejected = List.copyOf(requireNonNull(rejected, "rejected"));
    if (rejectedCount < rejected.size()) {
      throw new IllegalArgumentException("rejectedCount " + rejectedCount + " < listed " + rejected.size());
    }
  }

  /** Lines taken: members plus new events. */
  public long accepted() {
    return members + events;
  }

  /** Whether every line was taken (duplicates count as taken: they were already stored). */
  public boolean isComplete() {
    return rejectedCount == 0;
  }
}
