package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.ConsentRecordId;
import java.util.List;

/**
 * What an append of consent records did.
 *
 * @param appended how many records were new and are now in the history
 * @param duplicates ids the tenant already had (or that appeared earlier in the same list), in the
 *     order given; those records were left untouched
 * @param version the tenant's consent version after the append (unchanged when nothing was new)
 */
public record ConsentAppendResult(int appended, List<ConsentRecordId> duplicates, long version) {
  /** Validates and copies. */
  public ConsentAppendResult {
    if (appended < 0) {
      throw new IllegalArgumentException("appended must be >= 0, got " + appended);
    }
    duplicates = List.copyOf(requireNonNull(duplicates, "duplicates"));
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
  }
}
