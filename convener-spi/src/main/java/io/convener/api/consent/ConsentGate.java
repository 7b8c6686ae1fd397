package io.convener.api.consent;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consent gate, the host's one door to consent: records each member's consent per purpose and
 * answers whether it is in force. Every method takes the {@link Principal} who acts and passes the
 * choke point: the tenant boundary, the role, the tenant's rate limit, and one provenance entry per
 * call, reads included, whether the call succeeded or was denied. The services filter every shared
 * output through the same consent, so a person appears by id only while their consent for the
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
 *   <li><b>Agreement.</b> {@link #check} and {@link #granted} read the same state: a member is
 *       listed by {@code granted(principal, Optional.of(purpose))} exactly when {@code
 *       check(principal, member, purpose)} is true.
 *   <li><b>Tenancy.</b> Every method acts in the principal's tenant, and never reads or changes
 *       another tenant's consent.
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
   * Whether {@code subject}'s consent for {@code purpose} is in force now, in the principal's
   * tenant. A member may ask about themself; an admin, community manager or compliance officer
   * about anyone. Answered from the engine's cache (changes of this process are seen at once).
   *
   * @throws io.convener.api.AccessDeniedException when the principal may not read this subject's
   *     consent
   */
  boolean check(Principal principal, MemberId subject, Purpose purpose);

  /**
   * The subject's latest record for the purpose (granting or not, expired or not), if any; who may
   * ask as for {@link #check}.
   */
  Optional<ConsentRecord> current(Principal principal, MemberId subject, Purpose purpose);

  /**
   * Every record of the subject, for every purpose, in the order recorded; who may ask as for
   * {@link #check}.
   */
  List<ConsentRecord> history(Principal principal, MemberId subject);

  /**
   * The records in force now that grant {@code purpose}, or, when it is empty, every purpose the
   * tenant's policy enables (purposes in name order, members by id within each). Only an admin,
   * community manager or compliance officer may list who consents.
   *
   * @throws io.convener.api.AccessDeniedException for any other principal
   */
  List<ConsentRecord> granted(Principal principal, Optional<Purpose> purpose);

  /**
   * One record by id: the receipt a result named. Its subject may read it; an admin, community
   * manager or compliance officer may read any.
   */
  Optional<ConsentRecord> record(Principal principal, ConsentRecordId id);

  /**
   * The policy of the principal's tenant; {@link ConsentPolicy#defaults()} if it never set one.
   * Any principal of the tenant may read it.
   */
  ConsentPolicy policy(Principal principal);

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
