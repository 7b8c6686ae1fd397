package io.convener.core.consent;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import java.util.List;

/**
 * Where ingestion hands the {@code consent} events of each batch it stored, so that they become
 * consent records (method {@code interchange-event}, recorded by {@code ingest}). Used by {@code
 * io.convener.core.ingest}; not for hosts. Implementations are thread-safe and idempotent: handing
 * the same events over again records nothing new.
 */
@FunctionalInterface
public interface ConsentEventSink {
  /**
   * Records the consent events of one stored batch.
   *
   * @param tenant the tenant the batch was stored in
   * @param stored consent events the store took as new, in input order
   * @param duplicates consent events whose ids the tenant already had: their stored versions (the
   *     first write of each id wins) are recorded if an earlier ingestion stopped between storing
   *     them and recording their consent
   * @throws io.convener.api.StorageException when the store fails; ingesting the same input
   *     again then records what is missing
   */
  void stored(TenantId tenant, List<Event> stored, List<Event> duplicates);
}
