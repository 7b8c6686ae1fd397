package io.convener.api.replay;

import io.convener.api.Principal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replays of kept results through the choke point. A host that hands a call's result out again
 * without running the call (an HTTP idempotent replay) records the call once, keeps the result with
 * its {@link Receipt}, and asks {@link #replay} before every later hand-out. Implementations are
 * thread-safe and never return null.
 */
public interface Replays {
  /**
   * Runs {@code call} on the calling thread and notes each public service call it makes for {@code
   * principal} on that thread: its provenance entry, its activity and roles, and the people its
   * result names with their purposes.
   *
   * @return what {@code call} returned, with a receipt when it made at least one service call for
   *     the principal and all of them succeeded
   * @throws RuntimeException whatever {@code call} throws; nothing is then noted
   */
  <T> Recorded<T> record(Principal principal, Supplier<T> call);

  /**
   * Admits handing the result of the receipt's call to {@code principal} again. For each entry of
   * the receipt, in order, one call through the choke point: the tenant boundary (the receipt's
   * tenant must be the principal's), the role check with the roles the original call needed, the
   * rate limit of its activity, the check that the principal is the receipt's subject, and the
   * consent re-check of every person the original result named, for the purpose they were named
   * for; then one provenance entry of the same activity with {@code replayOf} set to the original
   * entry, whatever the outcome (a principal of another tenant is denied in its own log, and its
   * entry names no entry of the receipt's).
   *
   * @return the sequences of the replay's entries, one per entry of the receipt
   * @throws io.convener.api.AccessDeniedException when the principal is of another tenant, lacks
   *     the roles, or is not the receipt's subject
   * @throws io.convener.api.ConsentChangedException when a person the result names no longer
   *     consents: the kept result must not be handed out; run the call again instead
   * @throws io.convener.api.RateLimitedException when the tenant's quota for the activity is used up
   * @throws IllegalArgumentException when this Convener did not make the receipt
   */
  List<Long> replay(Principal principal, Receipt receipt);
}
