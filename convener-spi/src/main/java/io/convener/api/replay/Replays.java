package io.convener.api.replay;

import io.convener.api.Principal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replays of kept results through the choke point. A host that hands a call's result out again
 * without running the call (an HTTP idempotent replay) records the call once, keeps the result with
 * its {@link Receipt}, and asks {@link #replay} before every later hand-out. Implementations are
 * thread-safe and never return null.
 *
 * <p>Idempotency keys: {@link #claim}, {@link #keep} and {@link #release} keep such results in the
 * store, so that every node on it, and a node after a restart, answers a repeated key alike. A key
 * belongs to the principal's tenant and subject and to the key's route: no other principal, and no
 * other route, ever finds what it keeps. The kept result is sealed under the tenant's
 * key-encryption key, so crypto-shredding the tenant makes it unreadable; it names people, so
 * every hand-out still goes through {@link #replay}, whose consent re-check refuses a result naming
 * a person who withdrew (or was erased) since. Keys expire after {@link KeepPolicy#keepFor()} and
 * are then purged.
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

  /**
   * Claims an idempotency key for the principal, in its tenant and subject. One claim of a key
   * wins, whichever node makes it; a key whose claim expired, or has run longer than {@link
   * KeepPolicy#runningTimeout()}, is taken over. A kept result that can no longer be read (its
   * tenant key was destroyed) counts as absent.
   *
   * @return {@link Claim.Won} to run the call, or what another claim of the key left
   * @throws io.convener.api.StorageException when the store fails
   */
  Claim claim(Principal principal, IdempotencyKey key, KeepPolicy policy);

  /**
   * Keeps a call's result under a key this principal won, sealed under the tenant's key.
   *
   * @param result the result as the host will hand it out again, such as a serialised response
   * @param receipt the receipt {@link #record} gave for the call
   * @return whether it was kept (false when the claim was taken over meanwhile)
   * @throws IllegalArgumentException when this Convener did not make the receipt, or made it for
   *     another tenant or subject
   */
  boolean keep(Principal principal, Claim.Won claim, byte[] result, Receipt receipt);

  /**
   * Frees a key the principal claimed, if the claim {@code claimId} still holds it, so that the
   * next request with it runs the call again: after a call that failed, or a kept result that
   * must not be handed out any more.
   */
  void release(Principal principal, IdempotencyKey key, String claimId);
}
