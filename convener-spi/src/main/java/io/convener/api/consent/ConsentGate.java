package io.convener.api.consent;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The consent gate: records each member's consent per purpose, answers whether it is in force, and
 * filters every shared output so that a person appears by id only while their consent for the
 * purpose is granted; everybody else is left out, counted and never named.
 *
 * <p>Rules that hold for every method:
 *
 * <ul>
 *   <li><b>Default deny.</b> A member with no record for a purpose, an unknown member, an unknown
 *       tenant, a revoked or an expired grant, and a purpose the tenant's {@link ConsentPolicy}
 *       does not enable: all are "no consent".
 *   <li><b>Latest wins.</b> Among a subject's records for a purpose, the one with the latest
 *       {@code at} is in force (at equal instants, the one recorded last). Older records stay in
 *       the history.
 *   <li><b>Agreement.</b> {@link #check} and {@link #list} read the same state: a member is in
 *       {@code list(tenant, purpose)} exactly when {@code check(tenant, member, purpose)} is true.
 *   <li><b>Tenancy.</b> Every method takes the tenant first, as a {@link TenantId} or as the
 *       {@link Principal} whose tenant it acts in, and never reads or changes another tenant's
 *       consent.
 * </ul>
 *
 * <p>Implementations are thread-safe, never return null, and throw {@link
 * io.convener.api.StorageException} when the store fails; a failure never answers "granted"
 * (fail closed).
 */
public interface ConsentGate {
  /**
   * Records that {@code subject} grants consent for {@code purpose}, after being shown the notice
   * {@code noticeVersion}, in the principal's tenant, at the current instant. A {@link
   * io.convener.api.Role#MEMBER} may grant only for themselves (their principal subject is their
   * member id; method {@link ConsentMethod#API}); an {@link io.convener.api.Role#ADMIN} may record
   * it on the subject's behalf (method {@link ConsentMethod#ADMIN_ON_BEHALF}).
   *
   * @param expiresAt when the grant lapses, if it does; must be in the future
   * @return the new record, already in force
   * @throws io.convener.api.AccessDeniedException when the principal may not change this
   *     subject's consent, or the tenant's policy does not enable the purpose
   * @throws IllegalArgumentException when {@code noticeVersion} is blank or too long, or {@code
   *     expiresAt} is not in the future
   */
  ConsentRecord grant(
      Principal principal, MemberId subject, Purpose purpose, String noticeVersion, Optional<Instant> expiresAt);

  /** Same as {@link #grant(Principal, MemberId, Purpose, String, Optional)} without expiry. */
  default ConsentRecord grant(Principal principal, MemberId subject, Purpose purpose, String noticeVersion) {
    return grant(principal, subject, purpose, noticeVersion, Optional.empty());
  }

  /**
   * Records that {@code subject} withdraws consent for {@code purpose}, in the principal's tenant,
   * at the current instant: a new record, as easy as a grant, allowed for every purpose (enabled
   * or not) and also when there was nothing to withdraw. The same principals may revoke as may
   * grant. From the moment this returns, no new result names the subject for the purpose.
   *
   * @return the new record
   * @throws io.convener.api.AccessDeniedException when the principal may not change this
   *     subject's consent
   */
  ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose);

  /**
   * Whether {@code subject}'s consent for {@code purpose} is in force now. Answered from a cache:
   * changes made through this gate are seen at once; changes another process makes to a shared
   * database within about a second (see the implementation). Fast: meant to be called per
   * candidate.
   */
  boolean check(TenantId tenant, MemberId subject, Purpose purpose);

  /** The members whose consent for {@code purpose} is in force now, ordered by id; see {@link #check}. */
  List<MemberId> list(TenantId tenant, Purpose purpose);

  /**
   * How many of {@code candidates} {@link #disclose} would let through for {@code purpose} now;
   * names nobody. For a result that reports how many of its candidates were withheld while it
   * discloses only the few it lists.
   */
  default int countDisclosable(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    return disclose(tenant, purpose, candidates).disclosed().size();
  }

  /**
   * The output filter: lets through the candidates whose subject's consent for {@code purpose} is
   * in force, on a snapshot of the tenant's consent that is current when this is called (checked
   * against the store, not only the cache), and counts the rest. Every shared output is built from
   * the result; see {@link #consistently} for computations that run long.
   *
   * @param candidates a result's raw candidates, in order
   * @param subjectOf the person each candidate is about
   */
  <T> Disclosure<T> disclose(
      TenantId tenant, Purpose purpose, Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf);

  /** The output filter for candidates that are member ids; see {@link #disclose(TenantId, Purpose, Collection, Function)}. */
  default Disclosure<MemberId> disclose(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    return disclose(tenant, purpose, candidates, Function.identity());
  }

  /**
   * Runs a computation that discloses people so that a consent change (a withdrawal above all)
   * that lands while it runs is either seen by its result or the result is discarded: reads the
   * tenant's consent version before and after; if it changed, computes once more on fresh state;
   * if it changed again, throws. The computation should read consent only through this gate and
   * may run twice.
   *
   * @return the result of a run during which the tenant's consent did not change
   * @throws io.convener.api.ConsentChangedException when consent changed during both runs; the
   *     call may be retried
   */
  <R> R consistently(TenantId tenant, Supplier<? extends R> computation);

  /**
   * The tenant's consent version: a counter that every consent change of the tenant (a record or a
   * policy change) raises. Read from the store; 0 for a tenant that never changed anything.
   */
  long version(TenantId tenant);

  /** The subject's latest record for the purpose (granting or not, expired or not), if any. */
  Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose);

  /** Every record of the subject, for every purpose, in the order recorded. */
  List<ConsentRecord> history(TenantId tenant, MemberId subject);

  /** One record by id: the receipt a result named. */
  Optional<ConsentRecord> record(TenantId tenant, ConsentRecordId id);

  /** The tenant's policy; {@link ConsentPolicy#defaults()} if it never set one. */
  ConsentPolicy policy(TenantId tenant);

  /**
   * Replaces the policy of the principal's tenant. Disabling a purpose takes effect at once for
   * every member; enabling it again brings back the members whose own consent is in force.
   *
   * @return the policy now in force
   * @throws io.convener.api.AccessDeniedException unless the principal is an {@link
   *     io.convener.api.Role#ADMIN}
   */
  ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy);
}
