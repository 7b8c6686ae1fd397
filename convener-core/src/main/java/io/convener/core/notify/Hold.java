package io.convener.core.notify;

import io.convener.api.notify.NotificationPreferences;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a recipient's preferences hold a message back from an interrupting channel: quiet hours
 * (until the window opens, in the recipient's zone) and digest windows (tumbling windows of the
 * digest length, from the epoch: every message of one key inside one window waits for its end).
 */
final class Hold {
  private Hold() {}

  /** When the quiet hours around {@code now} end, or empty when {@code now} is not quiet. */
  static Optional<Instant> quietUntil(NotificationPreferences prefs, Instant now) {
    ZonedDateTime local = now.atZone(prefs.zone());
    if (!prefs.isQuietAt(local.toLocalTime())) {
      return Optional.empty();
    }
    ZonedDateTime open = local.toLocalDate().atTime(prefs.quietUntil()).atZone(prefs.zone());
    if (!open.isAfter(local)) {
      open = open.plusDays(1);
    }
    return Optional.of(open.toInstant());
  }

  /** The start of the digest window that holds {@code createdAt}. */
  static Instant windowStart(Duration window, Instant createdAt) {
    long size = window.toMillis();
    long at = createdAt.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(at, size) * size);
  }
}
