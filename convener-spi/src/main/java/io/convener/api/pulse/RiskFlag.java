package io.convener.api.pulse;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.feedback.FeedbackId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One risk the pulse raises. A flag about the whole scope names nobody ({@code count} 0). An
 * individual flag (such as {@link RiskKind#SILENT_MEMBER}) either names one member, who consented
 * to {@code pulse.individual} ({@code count} 1), or counts the members it is about without naming
 * them. Immutable and thread-safe.
 *
 * @param kind what the flag warns of
 * @param severity how urgent it is
 * @param reason the numbers that raised it, for people
 * @param at the instant the flag was judged at: the end of the window
 * @param member the member, when the flag names one
 * @param count how many members the flag is about: 0 for the scope, 1 for a named member, n for a
 *     counted individual flag
 * @param disputes the feedback that disputes this flag and holds (open or accepted), oldest first;
 *     empty when nobody disputes it (see docs/feedback.md)
 */
public record RiskFlag(
    RiskKind kind, Severity severity, String reason, Instant at, Optional<Disclosed<MemberId>> member, int count,
    List<FeedbackId> disputes) {
  /** Validates the combination of kind, member and count. */
  public RiskFlag {
    requireNonNull(kind, "kind");
    requireNonNull(severity, "severity");
    requireNonNull(reason, "reason");
    requireNonNull(at, "at");
    requireNonNull(member, "member");
    disputes = List.copyOf(requireNonNull(disputes, "disputes"));
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
    if (!kind.individual() && (member.isPresent() || count != 0)) {
      throw new IllegalArgumentException(kind + " is about the whole scope: no member, count 0");
    }
    if (kind.individual() && member.isPresent() && count != 1) {
      throw new IllegalArgumentException("a flag naming a member has count 1, got " + count);
    }
    if (kind.individual() && member.isEmpty() && count < 1) {
      throw new IllegalArgumentException("a counted flag is about at least one member, got " + count);
    }
  }

  /** An undisputed flag; see the canonical constructor. */
  public RiskFlag(RiskKind kind, Severity severity, String reason, Instant at, Optional<Disclosed<MemberId>> member,
      int count) {
    this(kind, severity, reason, at, member, count, List.of());
  }

  /** Whether a dispute of this flag holds. */
  public boolean disputed() {
    return !disputes.isEmpty();
  }

  /** This flag marked with the disputes that hold. */
  public RiskFlag withDisputes(List<FeedbackId> holding) {
    return new RiskFlag(kind, severity, reason, at, member, count, holding);
  }

  /** A flag about the whole scope. */
  public static RiskFlag scope(RiskKind kind, Severity severity, String reason, Instant at) {
    return new RiskFlag(kind, severity, reason, at, Optional.empty(), 0);
  }

  /** An individual flag that names a consenting member. */
  public static RiskFlag named(RiskKind kind, Severity severity, String reason, Instant at, Disclosed<MemberId> member) {
    return new RiskFlag(kind, severity, reason, at, Optional.of(member), 1);
  }

  /** An individual flag about {@code count} members who are not named. */
  public static RiskFlag counted(RiskKind kind, Severity severity, String reason, Instant at, int count) {
    return new RiskFlag(kind, severity, reason, at, Optional.empty(), count);
  }
}
