package io.convener.api.notify;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a recipient wants to be told, and when. Preferences never widen consent: a person who does
 * not consent is never notified, whatever they set here. A {@code critical} message bypasses every
 * preference below. Immutable; start from {@link #defaults()}.
 *
 * @param zone the recipient's time zone, in which quiet hours are read
 * @param quietFrom start of the daily quiet hours (inclusive), or equal to {@code quietUntil} for none
 * @param quietUntil end of the daily quiet hours (exclusive); may be earlier than {@code quietFrom}
 *     (quiet over midnight). Interrupting channels hold messages until the window opens.
 * @param muted per kind ({@code "*"} for every kind), the channels ({@code "*"} for all) that must
 *     not carry it
 * @param digestWindow messages of one digest key within this window become one message on
 *     interrupting channels; zero for none
 * @param maxPerHour at most this many non-critical messages an hour on each interrupting channel,
 *     the rest held for the next hour; zero for no throttle
 */
public record NotificationPreferences(
    ZoneId zone,
    LocalTime quietFrom,
    LocalTime quietUntil,
    Map<String, Set<String>> muted,
    Duration digestWindow,
    int maxPerHour) {
  /** Every kind or every channel, in {@link #muted}. */
  public static final String ANY = "*";

  /** Validates and copies. */
  public NotificationPreferences {
    requireNonNull(zone, "zone");
    requireNonNull(quietFrom, "quietFrom");
    requireNonNull(quietUntil, "quietUntil");
    Map<String, Set<String>> copy = new HashMap<>();
    requireNonNull(muted, "muted").forEach((kind, channels) ->
        copy.put(requireNonNull(kind, "muted kind"), Set.copyOf(requireNonNull(channels, "muted channels"))));
    muted = Map.copyOf(copy);
    requireNonNull(digestWindow, "digestWindow");
    if (digestWindow.isNegative() || digestWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("digestWindow must be between 0 and 1 day, got " + digestWindow);
    }
    if (maxPerHour < 0) {
      throw new IllegalArgumentException("maxPerHour must not be negative, got " + maxPerHour);
    }
  }

  /** UTC, no quiet hours, nothing muted, no digests, no throttle. */
  public static NotificationPreferences defaults() {
    return new NotificationPreferences(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(),
        Duration.ZERO, 0);
  }

  /** A copy with daily quiet hours in {@code zone}. */
  public NotificationPreferences withQuietHours(ZoneId inZone, LocalTime from, LocalTime until) {
    return new NotificationPreferences(inZone, from, until, muted, digestWindow, maxPerHour);
  }

  /** A copy that mutes {@code kind} on {@code channels}. */
  public NotificationPreferences withMuted(String kind, Set<String> channels) {
    Map<String, Set<String>> next = new HashMap<>(muted);
    next.put(kind, channels);
    return new NotificationPreferences(zone, quietFrom, quietUntil, next, digestWindow, maxPerHour);
  }

  /** A copy with this digest window. */
  public NotificationPreferences withDigestWindow(Duration window) {
    return new NotificationPreferences(zone, quietFrom, quietUntil, muted, window, maxPerHour);
  }

  /** A copy with this throttle. */
  public NotificationPreferences withMaxPerHour(int max) {
    return new NotificationPreferences(zone, quietFrom, quietUntil, muted, digestWindow, max);
  }

  /** Whether {@code kind} is muted on {@code channel}. */
  public boolean mutes(String kind, String channel) {
    for (String k : new String[] {kind, ANY}) {
      Set<String> channels = muted.get(k);
      if (channels != null && (channels.contains(channel) || channels.contains(ANY))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code time} (in {@link #zone}) falls in the quiet hours. */
  public boolean isQuietAt(LocalTime time) {
    if (quietFrom.equals(quietUntil)) {
      return false;
    }
    return quietFrom.isBefore(quietUntil)
        ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
        : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
  }
}
