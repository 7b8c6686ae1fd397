package io.convener.jdbc.internal.feedback;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackKind;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.Verdict;
import io.convener.api.pulse.RiskKind;
import io.convener.jdbc.internal.db.EpochNanos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/** Column encoding of feedback rows: binds them, and maps them back. Enums by name; absent parts as NULL. */
final class FeedbackRows {
  /** The columns {@link #feedback} reads, in order. */
  static final String COLUMNS = "feedback_id, kind, member_id, team_id, outcome_id, risk_kind, verdict, reason,"
      + " author, created_at, status, reviewer, reviewed_at";

  private FeedbackRows() {}

  /** Binds every column of the row but {@code tenant}. */
  static <S extends SqlStatement<S>> S bind(S statement, Feedback f) {
    FeedbackTarget t = f.target();
    return statement
        .bind("id", f.id().value())
        .bind("kind", t.kind().name())
        .bind("member", t.member().map(MemberId::value).orElse(null))
        .bind("team", t.team().map(TeamId::value).orElse(null))
        .bind("outcome", t.outcome().map(EventId::value).orElse(null))
        .bind("risk", t.risk().map(RiskKind::name).orElse(null))
        .bind("verdict", f.verdict().name())
        .bind("reason", f.reason())
        .bind("author", f.author())
        .bind("createdAt", EpochNanos.of(f.created(), "created"))
        .bind("status", f.status().name());
  }

  /** Maps a row of {@link #COLUMNS} to feedback of {@code tenant}. */
  static Feedback feedback(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      FeedbackTarget target = new FeedbackTarget(FeedbackKind.valueOf(rs.getString(2)),
          optional(rs.getString(3), MemberId::of), optional(rs.getString(4), TeamId::of),
          optional(rs.getString(5), EventId::of), optional(rs.getString(6), RiskKind::valueOf));
      long reviewedAt = rs.getLong(13);
      boolean reviewed = !rs.wasNull();
      return new Feedback(FeedbackId.of(rs.getString(1)), tenant, target, Verdict.valueOf(rs.getString(7)),
          rs.getString(8), rs.getString(9), EpochNanos.toInstant(rs.getLong(10)),
          FeedbackStatus.valueOf(rs.getString(11)), Optional.ofNullable(rs.getString(12)),
          reviewed ? Optional.of(EpochNanos.toInstant(reviewedAt)) : Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new StorageException("a feedback row of tenant " + tenant.value() + " is invalid: " + e.getMessage(), e);
    }
  }

  private static <T> Optional<T> optional(@Nullable String value, Function<String, T> parse) {
    return value == null ? Optional.empty() : Optional.of(parse.apply(value));
  }
}
