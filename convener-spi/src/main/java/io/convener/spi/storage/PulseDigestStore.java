package io.convener.spi.storage;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pulse's compact digests of a tenant's events, one or more opaque parts per UTC day, kept
 * beside the {@link EventStore} so that a process that starts later loads the days a pulse reads
 * in a few rows per day instead of decoding every event. A cache, never the record: the event
 * store is.
 *
 * <p>The digests of a tenant are complete through a value of its {@link ChangeStore change
 * counter}, the <em>position</em>: they account for every event stored by that change or earlier
 * and for no other. Writers move the position forward by compare-and-set ({@link #append}), so
 * that each change is digested exactly once whichever process writes it; a reader {@link #load
 * loads} the position and the parts in one consistent read and reads the changes after the
 * position from the {@link ChangeStore}.
 *
 * <p>Implementations are thread-safe, and throw {@link io.convener.api.StorageException} when the
 * store fails. Optional: without it, the pulse builds its rollups from the event store.
 */
public interface PulseDigestStore {
  /** The tenant's position, or empty when no digests were ever written for it. */
  OptionalLong position(TenantId tenant);

  /**
   * The change that stored the event, or empty when the tenant has no such event: so that a writer
   * can tell whether a batch it was told of is one whole change.
   */
  Optional<Change> changeOf(TenantId tenant, EventId event);

  /**
   * Adds parts and moves the position from {@code after} to {@code through}, in one transaction,
   * only if the position still is {@code after} (empty: the tenant has no digests yet).
   *
   * @param parts the digests of exactly the events of the changes {@code (after, through]}
   * @return empty when the position was not {@code after} (nothing is written); else the largest
   *     number of parts any of the written days has now (0 when {@code parts} is empty)
   * @throws IllegalArgumentException when {@code through} is lower than {@code after}
   */
  OptionalInt append(TenantId tenant, OptionalLong after, long through, List<Part> parts);

  /**
   * Replaces the parts of one day by one, when it has at least {@code minParts}, in one
   * transaction that writers of the tenant's digests queue behind.
   *
   * @param merge turns the day's parts, in the order they were written, into one part's bytes that
   *     stand for all of them
   * @return whether the day's parts were merged
   */
  boolean merge(TenantId tenant, int day, int minParts, Function<List<byte[]>, byte[]> merge);

  /**
   * Hands {@code sink} the parts of the days from {@code fromDay} on, by day and in the order they
   * were written, and returns the position they are complete through, all as of one instant: an
   * append or merge that commits meanwhile is seen entirely or not at all. The sink runs on the
   * calling thread; an exception it throws ends the load and propagates.
   *
   * @return empty (and no parts) when no digests were ever written for the tenant
   */
  Optional<Loaded> load(TenantId tenant, int fromDay, Consumer<? super Part> sink);

  /**
   * One part of a day's digest.
   *
   * @param day the UTC day, as days since 1970-01-01
   * @param data the bytes; not copied, so not to be changed
   */
  record Part(int day, byte[] data) {
    /** Checks the arguments. */
    public Part {
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A change of the tenant's events.
   *
   * @param value the change counter value that stored the event (0 for events stored before the
   *     store kept counters)
   * @param events how many events that change stored
   */
  record Change(long value, long events) {}

  /**
   * What a load found besides the parts.
   *
   * @param position the change counter value the digests are complete through
   * @param firstDay the earliest day any part of the tenant covers (also before the loaded days),
   *     or empty when there are no parts
   */
  record Loaded(long position, OptionalInt firstDay) {
    /** Checks the arguments. */
    public Loaded {
      Objects.requireNonNull(firstDay, "firstDay");
    }
  }
}
