package io.convener.spi.storage;

/**
 * How many rows of each kind that the provenance log accounts for a tenant has stored, as a
 * {@link ProvenanceStore} counts them for the coverage check of verification. Immutable.
 *
 * @param events stored events
 * @param members stored members
 * @param outbox stored outbox messages
 * @param outboxWithoutEntry outbox messages whose {@code causedBy} names no entry of the log
 */
public record StoredRows(long events, long members, long outbox, long outboxWithoutEntry) {
  /** Validates. */
  public StoredRows {
    if (events < 0 || members < 0 || outbox < 0 || outboxWithoutEntry < 0 || outboxWithoutEntry > outbox) {
      throw new IllegalArgumentException("counts must be >= 0, and outboxWithoutEntry <= outbox");
    }
  }
}
