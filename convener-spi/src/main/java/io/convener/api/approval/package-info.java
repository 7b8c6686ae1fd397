/**
 * Approvals: a requester (a community manager, team lead or admin) asks to use a member's data for
 * a purpose and scope; the member, and where the {@link io.convener.api.approval.ApprovalPolicy}
 * asks, a number of distinct admins approve or deny it before it expires. The {@link
 * io.convener.api.approval.ApprovalService} runs every call through the choke point, so each
 * transition is one provenance entry.
 */
@NullMarked
package io.convener.api.approval;

import org.jspecify.annotations.NullMarked;
