package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the relay delivers: retries with exponential back-off and full jitter (the wait before try
 * {@code n + 1} is uniform in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}), at most {@code
 * maxAttempts} tries and never after {@code giveUpAfter} from the commit, then a dead letter; how
 * often it polls the outbox besides being woken by commits; how long a claimed message stays leased
 * to this node's relay (after that, when the node died or stalled, another node's relay claims it:
 * delivery is at least once, see {@link OutboxRelay}); and whether it runs a background thread at
 * all (tests drive it by hand). Immutable.
 *
 * @param maxAttempts tries per message and channel, 1 to 100
 * @param baseDelay the first back-off cap
 * @param maxDelay the largest back-off cap
 * @param giveUpAfter no try later than this after the commit
 * @param pollInterval how often the background relay looks for due messages (retries, held ones)
 * @param lease how long a relay holds the messages it claimed; a node that dies mid-delivery delays
 *     them by this much
 * @param background whether {@code start()} starts the background relay thread
 */
public record NotifySettings(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration giveUpAfter, Duration pollInterval,
    Duration lease, boolean background) {
  /** Validates. */
  public NotifySettings {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 100, got " + maxAttempts);
    }
    positive(baseDelay, "baseDelay");
    positive(maxDelay, "maxDelay");
    positive(giveUpAfter, "giveUpAfter");
    positive(pollInterval, "pollInterval");
    positive(lease, "lease");
  }

  private static void positive(Duration d, String name) {
    if (requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /**
   * 8 tries over at most 30 minutes: caps of 14 s, 28 s, ... 896 s (at most 1778 s of waiting in
   * all), polled every second, leases of 30 seconds, with the background relay.
   */
  public static NotifySettings defaults() {
    return new NotifySettings(8, Duration.ofSeconds(14), Duration.ofMinutes(15), Duration.ofMinutes(30),
        Duration.ofSeconds(1), Duration.ofSeconds(30), true);
  }

  /** A copy without the background thread: the caller drives {@link OutboxRelay#drain}. */
  public NotifySettings manual() {
    return new NotifySettings(maxAttempts, baseDelay, maxDelay, giveUpAfter, pollInterval, lease, false);
  }

  /** A copy that polls this often. */
  public NotifySettings withPollInterval(Duration interval) {
    return new NotifySettings(maxAttempts, baseDelay, maxDelay, giveUpAfter, interval, lease, background);
  }

  /** A copy whose relay holds what it claimed this long. */
  public NotifySettings withLease(Duration lease) {
    return new NotifySettings(maxAttempts, baseDelay, maxDelay, giveUpAfter, pollInterval, lease, background);
  }

  /** The back-off cap before try {@code attempt + 1}, after {@code attempt} (from 1) failed tries. */
  public Duration backoffCap(int attempt) {
    Duration cap = baseDelay;
    for (int i = 1; i < attempt && cap.compareTo(maxDelay) < 0; i++) {
      cap = cap.multipliedBy(2);
    }
    return cap.compareTo(maxDelay) < 0 ? cap : maxDelay;
  }
}
