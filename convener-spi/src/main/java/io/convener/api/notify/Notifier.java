package io.convener.api.notify;

import io.convener.api.Principal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The notifications of the calling principal as a recipient (the recipient is {@code
 * MemberId.of(principal.subject())}): a live stream with replay, the inbox, engagement status and
 * preferences. Messages reach it through the transactional outbox: each was committed with the
 * provenance entry of the action that caused it and is delivered by the relay at least once, and
 * shown to the recipient once. Thread-safe.
 */
public interface Notifier {
  /**
   * Replays every message of the principal's inbox with a sequence above {@code afterSequence},
   * then pushes new ones as the relay delivers them, in sequence order, with no gap and no
   * duplicate. The listener runs on a relay thread and must not block long; an exception it throws
   * closes the subscription. Closing the subscription stops it.
   *
   * @param afterSequence the last sequence the caller has seen (the SSE {@code Last-Event-ID}), or 0
   */
  Subscription subscribe(Principal principal, long afterSequence, Consumer<InboxMessage> listener);

  /** Up to {@code limit} (1 to 1000) inbox messages with a sequence above {@code afterSequence}, oldest first. */
  List<InboxMessage> inbox(Principal principal, long afterSequence, int limit);

  /** Records that the principal has seen the message (engagement status); idempotent. */
  void markSeen(Principal principal, long sequence);

  /** Records that the principal has read the message (implies seen); idempotent. */
  void markRead(Principal principal, long sequence);

  /** The principal's preferences; {@link NotificationPreferences#defaults()} when none were set. */
  NotificationPreferences preferences(Principal principal);

  /** Replaces the principal's preferences and returns them as stored. */
  NotificationPreferences setPreferences(Principal principal, NotificationPreferences prefs);
}
