package io.convener.core.internal.telemetry;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.internal.feed.IngestListener;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Counts what this node ingests ({@code convener.ingest.rows}, by capped tenant): members upserted
 * and events stored as new. A rate over the counter is the ingested rows per second. Follows this
 * node's ingests only, so that a row counts once across nodes.
 */
final class IngestedRows implements IngestListener {
  private final Telemetry telemetry;

  @Inject
  IngestedRows(Telemetry telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
  }

  @Override
  public void membersUpserted(TenantId tenant, List<Member> members) {
    telemetry.ingested(tenant, members.size());
  }

  @Override
  public void eventsStored(TenantId tenant, List<Event> events) {
    telemetry.ingested(tenant, events.size());
  }

  @Override
  public boolean followsOtherProcesses() {
    return false;
  }
}
