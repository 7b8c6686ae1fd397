package io.convener.core.internal.feed;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.List;

/**
 * Told of what was committed, after each commit. Register one with {@code
 * Multibinder.newSetBinder(binder(), IngestListener.class)}. A listener must be quick and
 * thread-safe, and must not throw: the changes are already stored. A listener that cannot apply a
 * batch should mark its state for the tenant as out of date and rebuild it on the next read; the
 * {@link IngestFeed} logs and swallows what one throws, so that the others are still told.
 *
 * <p>A listener that keeps state derived from the store ({@link #followsOtherProcesses()} true, the
 * default) is told every change of a tenant it holds state for exactly once and in the store's
 * change order, whether this process or another one on the same store committed it: the feed
 * catches up with other processes on {@link IngestFeed#sync}, which such a listener calls before
 * each read, and at the start and at the end of each load of a tenant (a batch told while a load
 * runs may be one the load read already, and the listener drops it). A listener that writes for
 * its own process's commits only (such as the champion event blocks) returns false and is told of
 * this process's batches only, each once, in commit order or close to it.
 */
public interface IngestListener {
  /** Members inserted or replaced, in input order. Telling a member twice does no harm. */
  default void membersUpserted(TenantId tenant, List<Member> members) {}

  /** Events the store took as new (duplicates left out). */
  default void eventsStored(TenantId tenant, List<Event> events) {}

  /** Whether the listener keeps state that must follow other processes' commits too. */
  default boolean followsOtherProcesses() {
    return true;
  }
}
