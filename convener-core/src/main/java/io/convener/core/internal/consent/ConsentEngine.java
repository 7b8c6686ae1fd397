package io.convener.core.internal.consent;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The consent engine: records each member's consent per purpose, answers whether it is in force,
 * and filters every shared output so that a person appears by id only while their consent for the
 * purpose is granted. Services call it inside their own gated invocations, whose entry covers the
 * read; the host-facing door is {@link io.convener.api.consent.ConsentGate}, which passes the gate
 * and calls this. Not API: a host that replaces the engine binds its own through {@code
 * OptionalBinder.newOptionalBinder(binder(), ConsentEngine.class).setBinding()}, and then every
 * service, the choke point's consent re-check and the public gate consult only the replacement.
 *
 * <p>Rules that hold for every method:
 *
 * <ul>
 *   <li><b>Default deny.</b> A member with no record for a purpose, an unknown member, an unknown
 *       tenant, a revoked or an expired grant, and a purpose the tenant's {@link ConsentPolicy}
 *       does not enable: all are "no consent".
 *   <li><b>Latest wins.</b> Among a subject's records for a purpose, the one with the latest
 *       {@code at} is in force (at equal instants, the one recorded last).
 *   <li><b>Agreement.</b> {@link #check} and {@link #list} read the same state.
 *   <li><b>Tenancy.</b> Every method takes the tenant first, as a {@link TenantId} or as the
 *       {@link Principal} whose tenant it acts in, and never reads or changes another tenant's
 *       consent.
 * </ul>
 *
 * <p>Implementations are thread-safe, never return null, and throw {@link
 * io.convener.api.StorageException} when the store fails; a failure never answers "granted".
 */
public interface ConsentEngine {
  /**
   * Records a grant; the rules of {@link io.convener.api.consent.ConsentGate#grant} apply, but no
   * provenance entry is written here (the caller's gated call writes it).
   */
  ConsentRecord grant(
      Principal principal, MemberId subject, Purpose purpose, String noticeVersion, Optional<Instant> expiresAt);

  /** Same as {@link #grant(Principal, MemberId, Purpose, String, Optional)} without expiry. */
  default ConsentRecord grant(Principal principal, MemberId subject, Purpose purpose, String noticeVersion) {
    return grant(principal, subject, purpose, noticeVersion, Optional.empty());
  }

  /** Records a withdrawal; see {@link io.convener.api.consent.ConsentGate#revoke}. */
  ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose);

  /** Replaces the policy of the principal's tenant; see {@link io.convener.api.consent.ConsentGate#setPolicy}. */
  ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy);

  /**
   * Whether {@code subject}'s consent for {@code purpose} is in force now. Answered from a cache:
   * changes made in this process are seen at once, another process's within about a second. Fast:
   * meant to be called per candidate.
   */
  boolean check(TenantId tenant, MemberId subject, Purpose purpose);

  /** The members whose consent for {@code purpose} is in force now; see {@link #check}. */
  List<MemberId> list(TenantId tenant, Purpose purpose);

  /** How many of {@code candidates} {@link #disclose} would let through now; names nobody. */
  default int countDisclosable(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    return disclose(tenant, purpose, candidates).disclosed().size();
  }

  /**
   * The output filter: lets through the candidates whose subject's consent for {@code purpose} is
   * in force, on a snapshot of the tenant's consent that is current when this is called (checked
   * against the store, not only the cache), and counts the rest.
   *
   * @param candidates a result's raw candidates, in order
   * @param subjectOf the person each candidate is about
   */
  <T> Disclosure<T> disclose(
      TenantId tenant, Purpose purpose, Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf);

  /** The output filter for candidates that are member ids. */
  default Disclosure<MemberId> disclose(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    return disclose(tenant, purpose, candidates, Function.identity());
  }

  /**
   * Runs a computation that discloses people so that a consent change that lands while it runs is
   * either seen by its result or the result is discarded: reads the tenant's consent version before
   * and after; if it changed, computes once more; if it changed again, throws.
   *
   * @throws io.convener.api.ConsentChangedException when consent changed during both runs
   */
  <R> R consistently(TenantId tenant, Supplier<? extends R> computation);

  /** The tenant's consent version, raised by every consent change of the tenant; 0 if none. */
  long version(TenantId tenant);

  /** The subject's latest record for the purpose (granting or not, expired or not), if any. */
  Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose);

  /** Every record of the subject, for every purpose, in the order recorded. */
  List<ConsentRecord> history(TenantId tenant, MemberId subject);

  /** One record by id. */
  Optional<ConsentRecord> record(TenantId tenant, ConsentRecordId id);

  /** The tenant's policy; {@link ConsentPolicy#defaults()} if it never set one. */
  ConsentPolicy policy(TenantId tenant);
}
