package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.core.internal.feed.IngestListener;
import io.convener.spi.storage.EventBlockStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the champion stream of the {@link EventBlockStore} up with ingestion: after each committed
 * batch, the batch's new events go into blocks of their own, so that a process that starts later
 * loads the tenant from a few hundred blocks instead of millions of rows. A block that cannot be
 * written leaves a gap that the next load notices (the stream then accounts for fewer events than
 * the store holds) and repairs by reading the event store. Thread-safe.
 */
final class BlockWriter implements IngestListener {
  private static final Logger LOG = LoggerFactory.getLogger(BlockWriter.class);

  private final Optional<EventBlockStore> blocks;

  @Inject
  BlockWriter(Optional<EventBlockStore> blocks) {
    this.blocks = requireNonNull(blocks, "blocks");
  }

  /** Blocks are written by the process that committed the events, once. */
  @Override
  public boolean followsOtherProcesses() {
    return false;
  }

  @Override
  public void eventsStored(TenantId tenant, List<Event> events) {
    if (blocks.isEmpty() || events.isEmpty()) {
      return;
    }
    try {
      for (EventBlockStore.Block b : EventBlocks.encode(events)) {
        blocks.get().append(tenant, EventBlocks.STREAM, b);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write the champion event blocks of {} new events of tenant {}; the next load of the"
          + " tenant reads the event store instead and writes them again", events.size(), tenant, e);
    }
  }
}
