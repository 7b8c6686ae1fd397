package io.convener.core.internal.feed;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each committed batch to every {@link IngestListener}. A listener that throws is logged and
 * the next one is still told. Thread-safe.
 */
@Singleton
public final class IngestFeed {
  private static final Logger LOG = LoggerFactory.getLogger(IngestFeed.class);

  private final List<IngestListener> listeners;

  /** A feed to these listeners. */
  @Inject
  public IngestFeed(Set<IngestListener> listeners) {
    this.listeners = List.copyOf(requireNonNull(listeners, "listeners"));
  }

  /** A feed that tells nobody. */
  public static IngestFeed none() {
    return new IngestFeed(Set.of());
  }

  /** Tells every listener of members committed in the tenant. */
  public void membersUpserted(TenantId tenant, List<Member> members) {
    if (members.isEmpty()) {
      return;
    }
    List<Member> copy = List.copyOf(members);
    for (IngestListener l : listeners) {
      try {
        l.membersUpserted(tenant, copy);
      } catch (RuntimeException e) {
        LOG.error("ingest listener {} failed on {} members of tenant {}", l, copy.size(), tenant.value(), e);
      }
    }
  }

  /** Tells every listener of events newly committed in the tenant. */
  public void eventsStored(TenantId tenant, List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    List<Event> copy = List.copyOf(events);
    for (IngestListener l : listeners) {
      try {
        l.eventsStored(tenant, copy);
      } catch (RuntimeException e) {
        LOG.error("ingest listener {} failed on {} events of tenant {}", l, copy.size(), tenant.value(), e);
      }
    }
  }
}
