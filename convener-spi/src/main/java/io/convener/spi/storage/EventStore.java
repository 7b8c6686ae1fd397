package io.convener.spi.storage;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Events of a tenant: append-only and idempotent by event id. Implementations are thread-safe, and
 * throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface EventStore {
  /**
   * Stores every event whose id the tenant does not have yet, in one transaction, and leaves the
   * others untouched: the first write of an id wins and is never changed.
   */
  InsertResult insert(TenantId tenant, List<Event> events);

  /** The event with this id in this tenant. */
  Optional<Event> find(TenantId tenant, EventId id);

  /**
   * Streams the matching events to {@code sink} in order of time, then id, without holding them
   * all in memory. The sink runs on the calling thread; an exception it throws ends the scan and
   * propagates.
   */
  void scan(TenantId tenant, EventQuery query, Consumer<? super Event> sink);

  /** How many events match. */
  long count(TenantId tenant, EventQuery query);
}
