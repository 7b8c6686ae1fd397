package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.List;
import java.util.function.Consumer;

/**
 * Each tenant's change counter and what changed after a given value: how one process learns what
 * other processes on the same store committed. Every write of a tenant's events or members raises
 * the counter by one in its own transaction and stamps the rows it writes with the new value;
 * writers of one tenant commit in counter order, so a reader that sees the counter at {@code N}
 * can read every change up to {@code N}. Rows written before the store kept counters carry 0.
 * Implementations are thread-safe and throw {@link io.convener.api.StorageException} when the
 * store fails.
 */
public interface ChangeStore {
  /** The tenant's change counter now: 0 for a tenant without changes or not known. */
  long current(TenantId tenant);

  /**
   * Hands {@code sink} the events stored by the changes {@code (after, through]}, in change order
   * (and by id within one change).
   */
  void events(TenantId tenant, long after, long through, Consumer<? super Event> sink);

  /**
   * Runs {@code sink} on the events matching {@code query} that were stored by change {@code
   * through} or earlier, in the order of {@link EventStore#scan}: the tenant's events as they
   * were when the counter stood at {@code through}.
   */
  void scanThrough(TenantId tenant, EventQuery query, long through, Consumer<? super Event> sink);

  /**
   * The members (pseudonymous: no display name or email) whose last insert or replacement was
   * one of the changes {@code (after, through]}, in id order.
   */
  List<Member> members(TenantId tenant, long after, long through);
}
