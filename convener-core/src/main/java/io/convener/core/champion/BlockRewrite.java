package io.convener.core.champion;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tenant's events from the event store while writing the champion stream anew: the stream
 * is emptied, then each {@value EventBlocks#EVENTS_PER_BLOCK} events scanned are appended as a
 * block. The stream is kept only if the store held the same number of events before and after the
 * scan and the scan saw them all; otherwise (ingestion ran meanwhile, or a block could not be
 * written) it is emptied again, so that a stream is never taken for complete when it is not. Not
 * thread-safe; one use.
 */
final class BlockRewrite {
  private static final Logger LOG = LoggerFactory.getLogger(BlockRewrite.class);

  private final TenantId tenant;
  private final EventStore eventStore;
  private final EventBlockStore blockStore;
  private final List<Event> chunk = new ArrayList<>();
  private long scanned;
  private boolean failed;

  BlockRewrite(TenantId tenant, EventStore eventStore, EventBlockStore blockStore) {
    this.tenant = tenant;
    this.eventStore = eventStore;
    this.blockStore = blockStore;
  }

  /** Scans every event of the tenant, passing on those champion discovery keeps, in scan order. */
  void scan(Consumer<Event> kept) {
    long before = eventStore.count(tenant, EventQuery.all());
    write(() -> blockStore.replace(tenant, EventBlocks.STREAM, List.of()));
    eventStore.scan(tenant, EventQuery.all(), e -> {
      scanned++;
      if (EventColumns.kept(e.kind())) {
        kept.accept(e);
      }
      chunk.add(e);
      if (chunk.size() == EventBlocks.EVENTS_PER_BLOCK) {
        flush();
      }
    });
    flush();
    long after = eventStore.count(tenant, EventQuery.all());
    if (failed || before != after || after != scanned) {
      LOG.info("tenant {}: the champion event blocks were not kept ({} events before the scan, {} scanned, {} after{})",
          tenant, before, scanned, after, failed ? ", a write failed" : "");
      failed = false;
      write(() -> blockStore.replace(tenant, EventBlocks.STREAM, List.of()));
    }
  }

  private void flush() {
    if (!chunk.isEmpty() && !failed) {
      List<EventBlockStore.Block> blocks = EventBlocks.encode(chunk);
      write(() -> blocks.forEach(b -> blockStore.append(tenant, EventBlocks.STREAM, b)));
    }
    chunk.clear();
  }

  private void write(Runnable write) {
    if (failed) {
      return;
    }
    try {
      write.run();
    } catch (RuntimeException e) {
      failed = true;
      LOG.warn("tenant {}: could not write the champion event blocks; loads keep reading the event store", tenant, e);
    }
  }
}
