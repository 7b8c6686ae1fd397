package io.convener.core.internal.gate;

import io.convener.api.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link Gate} does with a result that its service declared a stale fallback ({@link
 * Invocation.Builder#fallback}): one served from the last known result because the store failed.
 * Like any result it passes the consent filter first, which refuses it when it names anyone whose
 * consent cannot be re-checked. When its provenance entry cannot be written,
 * the result still leaves, unstamped, and a warning line in the node's log records the call
 * (activity, tenant, subject, why): the only trace of it, as the log cannot be appended to.
 */
final class StaleResults {
  private static final Logger LOG = LoggerFactory.getLogger(StaleResults.class);

  private StaleResults() {}

  /** Notes in the node's log a stale result served without a provenance entry. */
  static void servedWithoutEntry(Principal principal, Invocation<?> call, RuntimeException entryFailure) {
    LOG.warn("degraded mode: served a stale {} to subject '{}' of tenant '{}' without a provenance entry,"
            + " which could not be written: {}",
        call.activity(), principal.subject(), principal.tenant(), entryFailure.getMessage());
  }
}
