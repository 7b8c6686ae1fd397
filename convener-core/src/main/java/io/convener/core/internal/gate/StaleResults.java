package io.convener.core.internal.gate;

import io.convener.api.Principal;
import io.convener.api.StorageException;
import io.convener.api.consent.Disclosed;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link Gate} does with a result that its service declared a stale fallback ({@link
 * Invocation.Builder#fallback}): one served from the last known result because the store failed.
 * Such a result may name nobody, since nobody's consent can be re-checked against a store that
 * does not answer; one that does is refused. When its provenance entry cannot be written either,
 * the result still leaves, unstamped, and a warning line in the node's log records the call
 * (activity, tenant, subject, why): the only trace of it, as the log cannot be appended to.
 */
final class StaleResults {
  private static final Logger LOG = LoggerFactory.getLogger(StaleResults.class);

  private StaleResults() {}

  /**
   * Refuses a stale result that names anyone.
   *
   * @throws StorageException when it does: the result is not served
   */
  static void checkNamesNobody(Invocation<?> call, Object result) {
    List<Disclosed<?>> named = new ArrayList<>();
    CallNotes.collect(result, named);
    if (!named.isEmpty()) {
      throw new StorageException("the store failed, and the last known result of " + call.activity()
          + " names people whose consent cannot be re-checked now; nothing was served", null);
    }
  }

  /** Notes in the node's log a stale result served without a provenance entry. */
  static void servedWithoutEntry(Principal principal, Invocation<?> call, RuntimeException entryFailure) {
    LOG.warn("degraded mode: served a stale {} to subject '{}' of tenant '{}' without a provenance entry,"
            + " which could not be written: {}",
        call.activity(), principal.subject(), principal.tenant(), entryFailure.getMessage());
  }
}
