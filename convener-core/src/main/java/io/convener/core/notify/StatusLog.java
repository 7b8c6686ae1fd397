package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.notify.DeliveryStatus;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.core.internal.gate.EntryDraft;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.core.internal.provenance.CanonicalEntry;
import io.convener.spi.storage.ChannelDelivery;
import io.convener.spi.storage.StoredNotification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The provenance of delivery: each status change of a message on a channel ({@code
 * notify.delivery}) and of the message as a whole ({@code notify.status}) becomes an entry of the
 * system agent {@value #AGENT}, caused by the entry of the action that made the message. Collects
 * the drafts of one drain and appends them in one batch. Not thread-safe: one per drain.
 */
final class StatusLog {
  static final String AGENT = "notify-relay";

  private final List<EntryDraft> drafts = new ArrayList<>();
  private boolean streamed;

  void delivery(StoredNotification m, ChannelDelivery d) {
    streamed |= d.channel().equals(Deliverer.STREAM) && d.status() == DeliveryStatus.DELIVERED;
    add(m, "notify.delivery", Map.of("channel", d.channel(), "status", d.status().name(),
        "attempts", d.attempts(), "note", d.note()));
  }

  void message(StoredNotification m, DeliveryStatus status) {
    add(m, "notify.status", Map.of("status", status.name()));
  }

  private void add(StoredNotification m, String activity, Map<String, Object> inputs) {
    drafts.add(EntryDraft.of(Agent.system(AGENT), activity, CanonicalEntry.digest(inputs), Outcome.ok())
        .withUsed(List.of(NotificationIds.entity(m.recipient(), m.sequence())))
        .withCausedBy(OptionalLong.of(m.causedBy())));
  }

  /** Whether a message of this drain reached the stream (and so the inbox). */
  boolean streamed() {
    return streamed;
  }

  /** Appends the collected entries to the tenant's log. */
  void flush(ProvenanceRecorder recorder, TenantId tenant) {
    requireNonNull(recorder, "recorder");
    if (!drafts.isEmpty()) {
      recorder.recordAll(tenant, List.copyOf(drafts));
      drafts.clear();
    }
  }
}
