package io.convener.core.ingest;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.core.consent.ConsentEventSink;
import java.util.ArrayList;
import java.util.List;

/** Remembers which consent events ingestion handed over as stored and as duplicates. */
final class RecordingConsentSink implements ConsentEventSink {
  final List<EventId> stored = new ArrayList<>();
  final List<EventId> duplicates = new ArrayList<>();
  int calls;

  @Override
  public synchronized void stored(TenantId tenant, List<Event> newEvents, List<Event> duplicateEvents) {
    calls++;
    newEvents.forEach(e -> stored.add(e.id()));
    duplicateEvents.forEach(e -> duplicates.add(e.id()));
  }
}
