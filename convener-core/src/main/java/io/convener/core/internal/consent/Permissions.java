package io.convener.core.internal.consent;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import java.util.Optional;

/**
 * Permissions that approvals grant: once a member (and the admins its rule asks) approved one
 * requester's request to use the member's data for a purpose, that requester alone may do so until
 * the approval's expiry. The permission is answered through a granting consent record of method
 * {@link io.convener.api.consent.ConsentMethod#APPROVAL} that stands for the approval (it is never
 * stored as consent), so that a service can disclose the subject to that requester through the
 * consent filter, and the choke point's re-check lets exactly that disclosure through. Not API.
 * Implementations are thread-safe.
 */
public interface Permissions {
  /** No approval grants anything. */
  Permissions NONE = (grantee, subject, purpose) -> Optional.empty();

  /**
   * The subject, disclosed to {@code grantee} for {@code purpose} on the strength of an approval in
   * force now (in the grantee's tenant), through the consent filter and the record standing for the
   * approval; empty if no approval lets the grantee use the subject's data for the purpose.
   */
  Optional<Disclosed<MemberId>> permission(Principal grantee, MemberId subject, Purpose purpose);
}
