package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.DeliveryStatus;
import io.convener.api.notify.NotificationPreferences;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notification outbox: messages (written with the provenance entry of their cause, through
 * {@link ProvenanceStore#append(TenantId, long, List, ProvenanceHead, List)}), their delivery per
 * channel, dead letters, engagement marks and recipient preferences. Implementations are
 * thread-safe and throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface NotificationStore {
  /**
   * Up to {@code limit} tenants from {@code from} on (by id, {@code from} included; start at {@link
   * #FIRST}) that have messages the relay is not done with: how a relay finds its work after a
   * restart. The one read that crosses tenants; it returns tenant ids only.
   */
  List<TenantId> pendingTenants(TenantId from, int limit);

  /** The smallest tenant id, where {@link #pendingTenants} starts. */
  TenantId FIRST = TenantId.of("0");

  /** Up to {@code limit} messages not final with {@code nextAttemptAt <= now}, by recipient and sequence. */
  List<StoredNotification> due(TenantId tenant, Instant now, int limit);

  /**
   * Claims up to {@code limit} due messages ({@link #due}) for the relay {@code owner}, by recipient
   * and sequence, and leases them for {@code lease}: until the lease ends or is {@link #release
   * released}, no other owner claims them, nor any message of a recipient it has one of, so that each
   * recipient's messages reach the stream in sequence order however many relays run. A lease that
   * expired (its relay died or stalled) is claimed again: delivery is at least once.
   *
   * <p>The default, for a store that one process uses, leases nothing: it returns {@link #due}.
   */
  default List<LeasedNotification> claim(TenantId tenant, String owner, Instant now, Duration lease, int limit) {
    return due(tenant, now, limit).stream().map(m -> new LeasedNotification(m, "", 0)).toList();
  }

  /**
   * Ends the lease, if {@code leased} still holds it (same owner and version).
   *
   * @return false when the lease had expired and another relay claimed the message meanwhile
   */
  default boolean release(TenantId tenant, LeasedNotification leased) {
    return true;
  }

  /** One message. */
  Optional<StoredNotification> find(TenantId tenant, MemberId recipient, long sequence);

  /**
   * The recipient's messages with this digest key created in {@code [from, until)}, by sequence:
   * one digest window.
   */
  List<StoredNotification> digestWindow(TenantId tenant, MemberId recipient, String digestKey, Instant from,
      Instant until);

  /** Up to {@code limit} messages of the recipient's inbox with a sequence above {@code after}, by sequence. */
  List<StoredNotification> inbox(TenantId tenant, MemberId recipient, long after, int limit);

  /** The deliveries recorded for a message, one per channel tried. */
  List<ChannelDelivery> deliveries(TenantId tenant, MemberId recipient, long sequence);

  /** Creates or replaces the delivery of a message on its channel. */
  void saveDelivery(TenantId tenant, ChannelDelivery delivery);

  /**
   * Sets the message's status, next attempt and whether the inbox shows it.
   *
   * @return whether the message exists
   */
  boolean updateMessage(
      TenantId tenant, MemberId recipient, long sequence, DeliveryStatus status, Instant nextAttemptAt, boolean inInbox);

  /** Keeps a dead letter: the message gave up on a channel. */
  void deadLetter(TenantId tenant, ChannelDelivery delivery);

  /** Up to {@code limit} dead letters of the tenant, oldest first. */
  List<ChannelDelivery> deadLetters(TenantId tenant, int limit);

  /** How many messages the channel delivered to the recipient since {@code since}, for throttles. */
  int deliveredSince(TenantId tenant, MemberId recipient, String channel, Instant since);

  /**
   * Records an engagement mark ({@code seen} or {@code read}) unless the message has it already.
   *
   * @return whether the mark is new
   */
  boolean markEngagement(TenantId tenant, MemberId recipient, long sequence, String mark, Instant at);

  /** The recipient's preferences, if set. */
  Optional<NotificationPreferences> preferences(TenantId tenant, MemberId recipient);

  /** Creates or replaces the recipient's preferences. */
  void savePreferences(TenantId tenant, MemberId recipient, NotificationPreferences preferences);
}
