/**
 * The default {@link io.convener.api.approval.ApprovalService}: every call runs through the
 * {@link io.convener.core.internal.gate.Gate}, the votes are tallied by {@code Tally}, and a new request is
 * announced to a consenting subject through the notification outbox, committed with the request.
 */
@NullMarked
package io.convener.core.approval;

import org.jspecify.annotations.NullMarked;
