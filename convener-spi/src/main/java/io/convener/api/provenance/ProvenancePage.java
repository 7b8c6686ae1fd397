package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a provenance query, in log order. When {@link #next()} is present there may be more:
 * pass it to {@link ProvenanceQuery#after(long)}. Immutable.
 *
 * @param entries the matching entries, at most the query's limit
 * @param next the cursor for the next page, absent when this page is the last
 */
public record ProvenancePage(List<ProvenanceEntry> entries, OptionalLong next) {
  /** Validates and copies. */
  public ProvenancePage {
    entries = List.copyOf(requireNonNull(entries, "entries"));
    requireNonNull(next, "next");
  }
}
