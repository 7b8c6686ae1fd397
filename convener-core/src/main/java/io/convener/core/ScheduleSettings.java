package io.convener.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Settings of the scheduled work every started Convener takes part in: each job runs for each
 * tenant once per period, on one of the nodes that share the store (by a lease in the store), and
 * a run whose node died is taken over when its lease ends. Immutable; start from {@link
 * #defaults()}. A host sets its own with {@code OptionalBinder.newOptionalBinder(binder(),
 * ScheduleSettings.class).setBinding().toInstance(...)}.
 *
 * @param enabled whether this node runs scheduled work at all (a node that does not leaves it to
 *     the others)
 * @param tick how often the node looks for due runs (default 15 s)
 * @param lease how long a run may take before another node may take it over (default 10 min); a
 *     run that takes longer may run twice, which every job tolerates
 * @param pulseRisks how often each watched pulse scope is evaluated for new risks, whose watchers
 *     are then told (default 4 min: with the tick, a watcher hears of a new risk within 5 min)
 * @param approvalExpiry how often pending approvals past their time are expired (default 1 min)
 * @param innovationPush how often every innovation is judged and, when it is a successful pattern,
 *     pushed to the teams that have not adopted it (default 1 h)
 * @param purge how often expired idempotency keys and done outbox messages are purged (default 1 h)
 * @param outboxRetention how long a delivered (or given-up) message stays in the outbox and the
 *     recipient's inbox (default 30 days)
 */
public record ScheduleSettings(boolean enabled, Duration tick, Duration lease, Duration pulseRisks,
    Duration approvalExpiry, Duration innovationPush, Duration purge, Duration outboxRetention) {

  /** Validates: every duration positive. */
  public ScheduleSettings {
    positive(tick, "tick");
    positive(lease, "lease");
    positive(pulseRisks, "pulseRisks");
    positive(approvalExpiry, "approvalExpiry");
    positive(innovationPush, "innovationPush");
    positive(purge, "purge");
    positive(outboxRetention, "outboxRetention");
  }

  /** The documented defaults, enabled. */
  public static ScheduleSettings defaults() {
    return new ScheduleSettings(true, Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofMinutes(4),
        Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30));
  }

  /** A copy that runs no scheduled work on this node. */
  public ScheduleSettings disabled() {
    return new ScheduleSettings(false, tick, lease, pulseRisks, approvalExpiry, innovationPush, purge, outboxRetention);
  }

  /** A copy that looks for due runs this often. */
  public ScheduleSettings withTick(Duration every) {
    return new ScheduleSettings(enabled, every, lease, pulseRisks, approvalExpiry, innovationPush, purge,
        outboxRetention);
  }

  /** A copy with another lease. */
  public ScheduleSettings withLease(Duration length) {
    return new ScheduleSettings(enabled, tick, length, pulseRisks, approvalExpiry, innovationPush, purge,
        outboxRetention);
  }

  /** A copy that evaluates watched pulse scopes this often. */
  public ScheduleSettings withPulseRisks(Duration every) {
    return new ScheduleSettings(enabled, tick, lease, every, approvalExpiry, innovationPush, purge, outboxRetention);
  }

  /** A copy that expires approvals this often. */
  public ScheduleSettings withApprovalExpiry(Duration every) {
    return new ScheduleSettings(enabled, tick, lease, pulseRisks, every, innovationPush, purge, outboxRetention);
  }

  /** A copy that pushes successful innovation patterns this often. */
  public ScheduleSettings withInnovationPush(Duration every) {
    return new ScheduleSettings(enabled, tick, lease, pulseRisks, approvalExpiry, every, purge, outboxRetention);
  }

  /** A copy that purges this often, keeping done outbox messages for {@code retention}. */
  public ScheduleSettings withPurge(Duration every, Duration retention) {
    return new ScheduleSettings(enabled, tick, lease, pulseRisks, approvalExpiry, innovationPush, every, retention);
  }

  private static void positive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
