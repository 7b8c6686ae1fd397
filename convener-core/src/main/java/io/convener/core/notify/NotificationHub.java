package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.InboxMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The live side of the stream: the open subscriptions of each tenant and recipient, which the
 * relay publishes each message to right after marking it in the inbox. Replay comes from the store
 * ({@link DefaultNotifier}); each {@link HubSubscription} drops what it has already passed on, so
 * replay and live push meet with no gap and no duplicate. What other nodes put in the inbox reaches
 * the subscriptions through the {@link StreamFollower}, which reads it from the store. Thread-safe.
 */
final class NotificationHub {
  /** Whose messages a subscription streams. */
  record Recipient(TenantId tenant, MemberId member) {}

  private final Map<Recipient, Set<HubSubscription>> open = new ConcurrentHashMap<>();

  /** Opens a subscription that buffers live messages until {@link HubSubscription#replayed} is called. */
  HubSubscription open(TenantId tenant, MemberId member, long afterSequence, Consumer<InboxMessage> listener) {
    Recipient key = new Recipient(requireNonNull(tenant, "tenant"), requireNonNull(member, "member"));
    HubSubscription[] self = new HubSubscription[1];
    self[0] = new HubSubscription(afterSequence, listener, () -> {
      Set<HubSubscription> subs = open.get(key);
      if (subs != null) {
        subs.remove(self[0]);
      }
    });
    open.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(self[0]);
    return self[0];
  }

  /** Passes the message to every open subscription of the recipient. */
  void publish(TenantId tenant, MemberId member, InboxMessage message) {
    for (HubSubscription s : open.getOrDefault(new Recipient(tenant, member), Set.of())) {
      s.live(message);
    }
  }

  /** The recipients with open subscriptions, and theirs, as they are now. */
  Map<Recipient, List<HubSubscription>> snapshot() {
    Map<Recipient, List<HubSubscription>> copy = new HashMap<>();
    open.forEach((r, subs) -> {
      if (!subs.isEmpty()) {
        copy.put(r, List.copyOf(subs));
      }
    });
    return copy;
  }

  /** How many subscriptions are open, for tests and metrics. */
  int openCount() {
    return open.values().stream().mapToInt(Set::size).sum();
  }
}
