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
 * @param change the tenant's change counter value that the insert stamped its events with (see
 *     {@link ChangeStore}), or 0 when the store keeps no change counter
 */
public record InsertResult(int inserted, List<EventId> duplicates, long change) {
  /** Validates and copies. */
  public InsertResult {
    if (inserted < 0) {
      throw new IllegalArgumentException("inserted must be >= 0, got " + inserted);
    }
    duplicates = List.copyOf(requireNonNull(duplicates, "duplicates"));
    if (change < 0) {
      throw new IllegalArgumentException("change must be >= 0, got " + change);
    }
  }

  /** The result of a store that keeps no change counter. */
  public InsertResult(int inserted, List<EventId> duplicates) {
    this(inserted, duplicates, 0);
  }
}
