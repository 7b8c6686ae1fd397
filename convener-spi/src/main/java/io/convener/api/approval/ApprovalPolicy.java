package io.convener.api.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.consent.Purpose;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Who must approve a request, per purpose: a rule for purposes named in {@link #byPurpose()}, the
 * {@link #defaultRule()} for every other. A request takes a snapshot of its rule, so changing the
 * policy never changes an approval already open. Immutable and thread-safe.
 *
 * @param defaultRule the rule for purposes without their own
 * @param byPurpose rules of single purposes
 */
public record ApprovalPolicy(Rule defaultRule, Map<Purpose, Rule> byPurpose) {
  /** The default time to live of a request: 7 days. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);

  /** Validates and copies. */
  public ApprovalPolicy {
    requireNonNull(defaultRule, "defaultRule");
    byPurpose = Map.copyOf(requireNonNull(byPurpose, "byPurpose"));
  }

  /** The default policy: for every purpose, the subject alone approves, within 7 days. */
  public static ApprovalPolicy defaults() {
    return new ApprovalPolicy(Rule.defaults(), Map.of());
  }

  /** This policy with {@code rule} for {@code purpose}. */
  public ApprovalPolicy with(Purpose purpose, Rule rule) {
    requireNonNull(purpose, "purpose");
    requireNonNull(rule, "rule");
    HashMap<Purpose, Rule> rules = new HashMap<>(byPurpose);
    rules.put(purpose, rule);
    return new ApprovalPolicy(defaultRule, rules);
  }

  /** The rule of {@code purpose}. */
  public Rule ruleFor(Purpose purpose) {
    return byPurpose.getOrDefault(requireNonNull(purpose, "purpose"), defaultRule);
  }

  /**
   * What one purpose asks for. Immutable.
   *
   * @param subjectMustApprove whether the subject must approve (default true)
   * @param adminsRequired how many distinct admins must approve, 0 to 100 (default 0)
   * @param timeToLive how long a request stays open, positive (default 7 days)
   */
  public record Rule(boolean subjectMustApprove, int adminsRequired, Duration timeToLive) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when nobody would have to approve, the admin count is out
     *     of range or the time to live is not positive
     */
    public Rule {
      requireNonNull(timeToLive, "timeToLive");
      if (adminsRequired < 0 || adminsRequired > 100) {
        throw new IllegalArgumentException("adminsRequired must be 0 to 100, got " + adminsRequired);
      }
      if (!subjectMustApprove && adminsRequired == 0) {
        throw new IllegalArgumentException("a rule must ask the subject or at least one admin to approve");
      }
      if (timeToLive.isZero() || timeToLive.isNegative()) {
        throw new IllegalArgumentException("timeToLive must be positive, got " + timeToLive);
      }
    }

    /** The subject alone, within 7 days. */
    public static Rule defaults() {
      return new Rule(true, 0, DEFAULT_TIME_TO_LIVE);
    }

    /** The subject and {@code admins} distinct admins, within 7 days. */
    public static Rule subjectAndAdmins(int admins) {
      return new Rule(true, admins, DEFAULT_TIME_TO_LIVE);
    }
  }
}
