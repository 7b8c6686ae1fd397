package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.notify.InboxMessage;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.notify.NotificationPreferences;
import io.convener.api.notify.Notifier;
import io.convener.api.notify.Subscription;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.StoredNotification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link Notifier}: every call goes through the gate (any role: a principal only ever reads
 * its own messages, as recipient {@code MemberId.of(principal.subject())}), so subscribing,
 * reading, engagement marks and preference changes each leave a provenance entry. A subscription
 * opens on the {@link NotificationHub} first, then replays the inbox from the store page by page,
 * then goes live. Payloads carry {@value #PROVENANCE_ID}, the entry of the action that caused the
 * message. Thread-safe.
 */
final class DefaultNotifier implements Notifier {
  static final int PAGE = 500;
  static final int MAX_LIMIT = 1000;
  /** The payload field the outbox adds: the provenance entry of the action that caused the message. */
  static final String PROVENANCE_ID = "provenanceId";

  private final Gate gate;
  private final NotificationStore store;
  private final NotificationHub hub;
  private final Clock clock;

  @Inject
  DefaultNotifier(Gate gate, NotificationStore store, NotificationHub hub, @NotifyClock Clock clock) {
    this.gate = requireNonNull(gate, "gate");
    this.store = requireNonNull(store, "store");
    this.hub = requireNonNull(hub, "hub");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Subscription subscribe(Principal principal, long afterSequence, Consumer<InboxMessage> listener) {
    requireNonNull(listener, "listener");
    checkAfter(afterSequence);
    return gate.invoke(principal, Invocation.<Subscription>of("notify.subscribe", tenant -> {
          MemberId me = me(principal);
          HubSubscription s = hub.open(tenant, me, afterSequence, listener);
          try {
            List<StoredNotification> page;
            do {
              page = store.inbox(tenant, me, s.last(), PAGE);
              page.forEach(n -> s.deliver(message(n)));
            } while (page.size() == PAGE);
          } catch (RuntimeException e) {
            s.close();
            throw e;
          }
          s.replayed();
          return s;
        })
        .roles(Role.values())
        .inputs(() -> Map.of("after", afterSequence))
        .build());
  }

  @Override
  public List<InboxMessage> inbox(Principal principal, long afterSequence, int limit) {
    checkAfter(afterSequence);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return gate.invoke(principal, Invocation.<List<InboxMessage>>of("notify.inbox",
            tenant -> store.inbox(tenant, me(principal), afterSequence, limit).stream()
                .map(DefaultNotifier::message).toList())
        .roles(Role.values())
        .inputs(() -> Map.of("after", afterSequence, "limit", limit))
        .build());
  }

  @Override
  public void markSeen(Principal principal, long sequence) {
    mark(principal, sequence, "seen");
  }

  @Override
  public void markRead(Principal principal, long sequence) {
    mark(principal, sequence, "seen");
    mark(principal, sequence, "read");
  }

  private void mark(Principal principal, long sequence, String mark) {
    checkAfter(sequence - 1);
    gate.invoke(principal, Invocation.<Boolean>of("notify." + mark, tenant -> {
          MemberId me = me(principal);
          if (store.find(tenant, me, sequence).isEmpty()) {
            throw new InvalidInputException("sequence", "no notification " + sequence + " for this recipient");
          }
          return store.markEngagement(tenant, me, sequence, mark, clock.instant());
        })
        .roles(Role.values())
        .inputs(() -> Map.of("sequence", sequence))
        .used(() -> List.of(NotificationIds.entity(me(principal), sequence)))
        .build());
  }

  @Override
  public NotificationPreferences preferences(Principal principal) {
    return gate.invoke(principal, Invocation.<NotificationPreferences>of("notify.preferences",
            tenant -> store.preferences(tenant, me(principal)).orElseGet(NotificationPreferences::defaults))
        .roles(Role.values())
        .build());
  }

  @Override
  public NotificationPreferences setPreferences(Principal principal, NotificationPreferences prefs) {
    requireNonNull(prefs, "prefs");
    return gate.invoke(principal, Invocation.<NotificationPreferences>of("notify.preferences.set", tenant -> {
          store.savePreferences(tenant, me(principal), prefs);
          return prefs;
        })
        .roles(Role.values())
        .inputs(() -> Map.of("zone", prefs.zone().getId(), "quietFrom", prefs.quietFrom().toString(),
            "quietUntil", prefs.quietUntil().toString(), "digestWindow", prefs.digestWindow().toString(),
            "maxPerHour", prefs.maxPerHour(), "mutedKinds", prefs.muted().keySet().stream().sorted().toList()))
        .build());
  }

  /** The message as its recipient sees it: without the consent purpose the relay re-checks. */
  static InboxMessage message(StoredNotification n) {
    Map<String, String> payload = new HashMap<>(n.payload());
    payload.remove(NotificationDraft.CONSENT_PURPOSE);
    payload.put(PROVENANCE_ID, Long.toString(n.causedBy()));
    return new InboxMessage(n.sequence(), n.kind(), payload, n.createdAt(), n.critical());
  }

  private static MemberId me(Principal principal) {
    return MemberId.of(principal.subject());
  }

  private static void checkAfter(long afterSequence) {
    if (afterSequence < 0) {
      throw new InvalidInputException("afterSequence", "afterSequence must not be negative, got " + afterSequence);
    }
  }
}
