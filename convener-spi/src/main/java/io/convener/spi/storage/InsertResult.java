package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import java.util.List;

/**
 * What a batch insert of events did.
 *
 * @param inserted how many events were new and are now stored
 * @param duplicates ids that the tenant already had (or that appeared earlier in the same batch),
 *     in the order given; those events were left untouched
 */
public record InsertResult(int inserted, List<EventId> duplicates) {
  /** Validates and copies. */
  public InsertResult {
    if (inserted < 0) {
      throw new IllegalArgumentException("inserted must be >= 0, got " + inserted);
    }
    duplicates = List.copyOf(requireNonNull(duplicates, "duplicates"));
  }
}
