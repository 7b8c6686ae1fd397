package io.convener.core.internal.feed;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.List;

/**
 * Told of what ingestion committed, after each committed batch, on the ingesting thread. Register
 * one with {@code Multibinder.newSetBinder(binder(), IngestListener.class)}. A listener must be
 * quick and thread-safe (several ingestions may run at once), and must not throw: the batch is
 * already stored. A listener that cannot apply a batch should mark its state for the tenant as out
 * of date and rebuild it on the next read; the {@link IngestFeed} logs and swallows what one
 * throws, so that the others are still told.
 */
public interface IngestListener {
  /** Members inserted or replaced, in input order. */
  default void membersUpserted(TenantId tenant, List<Member> members) {}

  /** Events the store took as new (duplicates left out), in input order. */
  default void eventsStored(TenantId tenant, List<Event> events) {}
}
