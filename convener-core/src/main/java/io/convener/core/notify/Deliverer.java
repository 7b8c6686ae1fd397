package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.DeliveryStatus;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.notify.NotificationPreferences;
import io.convener.api.notify.Notification;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.spi.notify.NonRetryableDeliveryException;
import io.convener.spi.notify.NotificationChannel;
import io.convener.spi.storage.ChannelDelivery;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.StoredNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Takes one due message through every channel: consent (re-checked before each delivery, critical
 * or not), then, unless the message is critical, the recipient's mutes, and on interrupting
 * channels their quiet hours, throttle and digest window; then the channel, with retries and dead
 * letters. Records each channel's new status in the store and reports it to the {@link
 * StatusLog}. Called by the relay on one thread per tenant at a time.
 */
final class Deliverer {
  static final String STREAM = "stream";

  private final NotificationStore store;
  private final ConsentEngine consent;
  private final NotificationHub hub;
  private final NotifySettings settings;
  private final DoubleSupplier jitter;

  Deliverer(NotificationStore store, ConsentEngine consent, NotificationHub hub, NotifySettings settings,
      DoubleSupplier jitter) {
    this.store = requireNonNull(store, "store");
    this.consent = requireNonNull(consent, "consent");
    this.hub = requireNonNull(hub, "hub");
    this.settings = requireNonNull(settings, "settings");
    this.jitter = requireNonNull(jitter, "jitter");
  }

  /** Delivers the message on every channel that is due; returns how many channels were tried. */
  int deliver(TenantId tenant, StoredNotification m, List<NotificationChannel> channels, NotificationPreferences prefs,
      Instant now, StatusLog log) {
    Map<String, ChannelDelivery> done = new HashMap<>();
    for (ChannelDelivery d : store.deliveries(tenant, m.recipient(), m.sequence())) {
      done.put(d.channel(), d);
    }
    boolean consents = consents(tenant, m);
    boolean inInbox = m.inInbox();
    int tried = 0;
    @Nullable Instant next = null;
    boolean anyDelivered = false;
    boolean allFinal = true;
    ChannelDelivery stream = done.getOrDefault(STREAM, queued(m, STREAM, now));
    if (!stream.status().isFinal()) {
      ChannelDelivery after = streamStep(m, stream, consents, prefs, now);
      if (after.status() == DeliveryStatus.DELIVERED) {
        // In the inbox first (a crash after this pushes again; subscribers drop the repeat), then
        // the live push, so a subscriber replaying meanwhile misses nothing.
        inInbox = true;
        store.updateMessage(tenant, m.recipient(), m.sequence(), DeliveryStatus.SENT, now, true);
        hub.publish(tenant, m.recipient(), DefaultNotifier.message(m));
        tried++;
      }
      stream = save(tenant, m, stream, after, log);
    }
    anyDelivered |= stream.status() == DeliveryStatus.DELIVERED;
    for (NotificationChannel channel : channels) {
      ChannelDelivery d = done.getOrDefault(channel.name(), queued(m, channel.name(), now));
      if (!d.status().isFinal() && !d.nextAttemptAt().isAfter(now)) {
        ChannelDelivery after = step(tenant, m, channel, d, consents, prefs, now);
        if (after.attempts() > d.attempts()) {
          tried++;
        }
        d = save(tenant, m, d, after, log);
      }
      anyDelivered |= d.status() == DeliveryStatus.DELIVERED;
      if (!d.status().isFinal()) {
        allFinal = false;
        next = next == null || d.nextAttemptAt().isBefore(next) ? d.nextAttemptAt() : next;
      }
    }
    DeliveryStatus status = allFinal ? (anyDelivered ? DeliveryStatus.DELIVERED : DeliveryStatus.UNDELIVERED)
        : anyDelivered ? DeliveryStatus.SENT : DeliveryStatus.QUEUED;
    Instant nextAt = next == null ? now : next;
    if (status != m.status() || !nextAt.equals(m.nextAttemptAt()) || inInbox != m.inInbox()) {
      store.updateMessage(tenant, m.recipient(), m.sequence(), status, nextAt, inInbox);
      if (status != m.status()) {
        log.message(m, status);
      }
    }
    return tried;
  }

  private static ChannelDelivery queued(StoredNotification m, String channel, Instant now) {
    return new ChannelDelivery(m.recipient(), m.sequence(), channel, DeliveryStatus.QUEUED, 0, m.createdAt(), now, "");
  }

  /** Stores and logs a changed delivery, with a dead letter when a channel gave up. */
  private ChannelDelivery save(TenantId tenant, StoredNotification m, ChannelDelivery before, ChannelDelivery after,
      StatusLog log) {
    if (!after.equals(before)) {
      store.saveDelivery(tenant, after);
      log.delivery(m, after);
      if (after.status() == DeliveryStatus.UNDELIVERED && after.attempts() > 0) {
        store.deadLetter(tenant, after);
      }
    }
    return after;
  }

  /** The stream: in-app and silent, so only consent and mutes apply; it cannot fail. */
  private static ChannelDelivery streamStep(StoredNotification m, ChannelDelivery d, boolean consents,
      NotificationPreferences prefs, Instant now) {
    if (!consents) {
      return with(d, DeliveryStatus.UNDELIVERED, d.attempts(), now, now, "consent withdrawn");
    }
    if (!m.critical() && prefs.mutes(m.kind(), STREAM)) {
      return with(d, DeliveryStatus.UNDELIVERED, d.attempts(), now, now, "muted");
    }
    return with(d, DeliveryStatus.DELIVERED, d.attempts() + 1, now, now, "");
  }

  private ChannelDelivery step(TenantId tenant, StoredNotification m, NotificationChannel channel, ChannelDelivery d,
      boolean consents, NotificationPreferences prefs, Instant now) {
    if (!consents) {
      return with(d, DeliveryStatus.UNDELIVERED, d.attempts(), now, now, "consent withdrawn");
    }
    if (!m.critical()) {
      if (prefs.mutes(m.kind(), channel.name())) {
        return with(d, DeliveryStatus.UNDELIVERED, d.attempts(), now, now, "muted");
      }
      if (channel.interrupting()) {
        Optional<ChannelDelivery> held = held(tenant, m, channel, d, prefs, now);
        if (held.isPresent()) {
          return held.get();
        }
      }
    }
    Notification n = notification(tenant, m, channel, prefs, now);
    if (n == null) {
      return with(d, DeliveryStatus.DELIVERED, d.attempts(), now, now, "in digest");
    }
    int attempts = d.attempts() + 1;
    try {
      channel.deliver(tenant, n);
      return with(d, DeliveryStatus.DELIVERED, attempts, now, now, "");
    } catch (NonRetryableDeliveryException e) {
      return with(d, DeliveryStatus.UNDELIVERED, attempts, now, now, "rejected: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      Duration wait = Duration.ofMillis((long) (jitter.getAsDouble() * settings.backoffCap(attempts).toMillis()));
      Instant retry = now.plus(wait);
      if (attempts >= settings.maxAttempts() || retry.isAfter(m.createdAt().plus(settings.giveUpAfter()))) {
        return with(d, DeliveryStatus.UNDELIVERED, attempts, now, now, "gave up: " + e.getClass().getSimpleName());
      }
      return with(d, DeliveryStatus.QUEUED, attempts, retry, now, "retry: " + e.getClass().getSimpleName());
    }
  }

  /** The hold of quiet hours, throttle or digest window, if one applies now. */
  private Optional<ChannelDelivery> held(TenantId tenant, StoredNotification m, NotificationChannel channel,
      ChannelDelivery d, NotificationPreferences prefs, Instant now) {
    Optional<Instant> quiet = Hold.quietUntil(prefs, now);
    if (quiet.isPresent()) {
      return Optional.of(with(d, DeliveryStatus.QUEUED, d.attempts(), quiet.get(), now, "quiet hours"));
    }
    if (!m.digestKey().isEmpty() && !prefs.digestWindow().isZero()) {
      Instant end = Hold.windowStart(prefs.digestWindow(), m.createdAt()).plus(prefs.digestWindow());
      if (now.isBefore(end)) {
        return Optional.of(with(d, DeliveryStatus.QUEUED, d.attempts(), end, now, "digest window"));
      }
    }
    if (prefs.maxPerHour() > 0) {
      int recent = store.deliveredSince(tenant, m.recipient(), channel.name(), now.minus(Duration.ofHours(1)));
      if (recent >= prefs.maxPerHour()) {
        Instant later = now.plus(Duration.ofHours(1).dividedBy(prefs.maxPerHour()));
        return Optional.of(with(d, DeliveryStatus.QUEUED, d.attempts(), later, now, "throttled"));
      }
    }
    return Optional.empty();
  }

  /**
   * What the channel is given: the message itself or, for the first message of a digest window
   * on an interrupting channel, one message for the whole window with {@code digestCount}; null
   * for a later message of a window whose digest went out already.
   */
  private @Nullable Notification notification(TenantId tenant, StoredNotification m, NotificationChannel channel,
      NotificationPreferences prefs, Instant now) {
    Map<String, String> payload = new HashMap<>(m.payload());
    payload.remove(NotificationDraft.CONSENT_PURPOSE);
    payload.put("sequence", Long.toString(m.sequence()));
    payload.put(DefaultNotifier.PROVENANCE_ID, Long.toString(m.causedBy()));
    if (!m.critical() && channel.interrupting() && !m.digestKey().isEmpty() && !prefs.digestWindow().isZero()) {
      Instant start = Hold.windowStart(prefs.digestWindow(), m.createdAt());
      List<StoredNotification> window = store.digestWindow(tenant, m.recipient(), m.digestKey(), start,
          start.plus(prefs.digestWindow())).stream().filter(w -> !w.critical()).toList();
      if (!window.isEmpty() && window.get(0).sequence() != m.sequence()) {
        return null;
      }
      payload.put("digestCount", Integer.toString(Math.max(1, window.size())));
      payload.put("digestKey", m.digestKey());
    }
    return new Notification(m.recipient().value() + ":" + m.key(), tenant, m.recipient(), m.kind(), payload,
        m.createdAt());
  }

  private boolean consents(TenantId tenant, StoredNotification m) {
    String purpose = m.payload().get(NotificationDraft.CONSENT_PURPOSE);
    if (purpose == null) {
      return false; // the gate always writes it: a row without it was not written by Convener
    }
    return consent.check(tenant, m.recipient(), Purpose.of(purpose));
  }

  private static ChannelDelivery with(ChannelDelivery d, DeliveryStatus status, int attempts, Instant next,
      Instant now, String note) {
    return new ChannelDelivery(d.recipient(), d.sequence(), d.channel(), status, attempts, next, now, note);
  }
}
