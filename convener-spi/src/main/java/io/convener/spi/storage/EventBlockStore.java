package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compact copies of a tenant's events that a service keeps beside the {@link EventStore}, so that
 * it can load a tenant in a few large reads instead of one row per event: champion discovery keeps
 * every event of a tenant in memory, and reading two million rows back costs more than everything
 * it then computes.
 *
 * <p>Blocks are opaque bytes in named streams (a stream per service and format, such as {@code
 * champion.events.v1}), in append order. Each block says how many of the tenant's stored events it
 * accounts for, so that a reader can tell whether the stream covers everything the event store
 * holds by comparing {@link #totals} with {@code EventStore.count(tenant, EventQuery.all())}, which
 * is exact because events are never deleted. A stream is never the record: it may lag the event
 * store (a writer that stopped between the two) and may be replaced at any time; the event store
 * is what a reader falls back to.
 *
 * <p>Implementations are thread-safe, and throw {@link io.convener.api.StorageException} when the
 * store fails. A write registers the tenant if needed. Optional: a host whose storage does not
 * offer it leaves services to read the event store.
 */
public interface EventBlockStore {
  /** The largest block, in bytes, every implementation accepts. */
  int MAX_BLOCK_BYTES = 1 << 20;

  /**
   * Appends a block after the stream's others. Concurrent appends to one stream get distinct,
   * consecutive sequence numbers.
   *
   * @return the block's sequence number: 1 for a stream's first block, then increasing by 1
   * @throws IllegalArgumentException when the stream name is blank or longer than 100 characters,
   *     or the block is larger than {@link #MAX_BLOCK_BYTES}
   */
  long append(TenantId tenant, String stream, Block block);

  /**
   * Replaces every block of the stream with these, in order, in one transaction.
   *
   * @return how many blocks the stream had before
   * @throws IllegalArgumentException as for {@link #append}
   */
  long replace(TenantId tenant, String stream, List<Block> blocks);

  /**
   * Streams the stream's blocks to {@code sink} in sequence order, without holding them all in
   * memory. The sink runs on the calling thread; an exception it throws ends the scan and
   * propagates.
   */
  void scan(TenantId tenant, String stream, Consumer<? super Stored> sink);

  /** How many blocks the stream has, and how many events they account for together. */
  Totals totals(TenantId tenant, String stream);

  /**
   * A block to write.
   *
   * @param events how many of the tenant's stored events the block accounts for, at least 0
   * @param data the bytes, at most {@link #MAX_BLOCK_BYTES}; not copied, so not to be changed
   */
  record Block(long events, byte[] data) {
    /** Checks the arguments. */
    public Block {
      if (events < 0) {
        throw new IllegalArgumentException("events must be >= 0, was " + events);
      }
      Objects.requireNonNull(data, "data");
      if (data.length > MAX_BLOCK_BYTES) {
        throw new IllegalArgumentException(
            "data: a block holds at most " + MAX_BLOCK_BYTES + " bytes, was " + data.length);
      }
    }
  }

  /**
   * A stored block.
   *
   * @param seq its sequence number in the stream
   * @param events how many stored events it accounts for
   * @param data the bytes
   */
  record Stored(long seq, long events, byte[] data) {}

  /**
   * A stream's size.
   *
   * @param blocks how many blocks it has
   * @param events how many stored events they account for
   */
  record Totals(long blocks, long events) {}
}
