package io.convener.jdbc.internal.approval;

import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote;
import io.convener.api.consent.Purpose;
import io.convener.jdbc.internal.db.EpochNanos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;

/** Column encoding of approvals and votes: binds rows, and maps them back. */
final class ApprovalRows {
  /** The columns {@link #approval} reads, in order. */
  static final String COLUMNS = "approval_id, subject, purpose, scope, requester, subject_must_approve,"
      + " admins_required, created_at, expires_at, status";

  /** The columns {@link #vote} reads, in order (after the approval id). */
  static final String VOTE_COLUMNS = "approval_id, approver, capacity, decision, reason, at";

  private ApprovalRows() {}

  /** Binds every column of the approval row but {@code tenant}. */
  static <S extends SqlStatement<S>> S bindApproval(S statement, Approval a) {
    return statement
        .bind("id", a.id().value())
        .bind("subject", a.subject().value())
        .bind("purpose", a.purpose().name())
        .bind("scope", a.scope())
        .bind("requester", a.requester())
        .bind("subjectMustApprove", a.subjectMustApprove() ? 1 : 0)
        .bind("adminsRequired", a.adminsRequired())
        .bind("createdAt", EpochNanos.of(a.created(), "created"))
        .bind("expiresAt", EpochNanos.of(a.expires(), "expires"))
        .bind("status", a.status().name())
        .bind("voteCount", a.votes().size());
  }

  /** Binds every column of a vote row but {@code tenant}. */
  static <S extends SqlStatement<S>> S bindVote(S statement, ApprovalId id, int seq, ApprovalVote v) {
    return statement
        .bind("id", id.value())
        .bind("seq", seq)
        .bind("approver", v.approver())
        .bind("capacity", v.capacity().name())
        .bind("decision", v.approve() ? "approve" : "deny")
        .bind("reason", v.reason())
        .bind("at", EpochNanos.of(v.at(), "at"));
  }

  /** Maps a row of {@link #COLUMNS} to an approval of {@code tenant} with these votes. */
  static Approval approval(TenantId tenant, ResultSet rs, List<ApprovalVote> votes) throws SQLException {
    try {
      return Approval.builder()
          .id(ApprovalId.of(rs.getString(1)))
          .tenant(tenant)
          .subject(MemberId.of(rs.getString(2)))
          .purpose(Purpose.of(rs.getString(3)))
          .scope(rs.getString(4))
          .requester(rs.getString(5))
          .rule(rs.getInt(6) != 0, rs.getInt(7))
          .created(EpochNanos.toInstant(rs.getLong(8)))
          .expires(EpochNanos.toInstant(rs.getLong(9)))
          .status(ApprovalStatus.valueOf(rs.getString(10)))
          .votes(votes)
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StorageException("a stored approval of tenant '" + tenant + "' is not one Convener wrote", e);
    }
  }

  /** Maps a row of {@link #VOTE_COLUMNS} (without the approval id) to a vote. */
  static ApprovalVote vote(TenantId tenant, ResultSet rs) throws SQLException {
    try {
      String decision = rs.getString(4);
      if (!decision.equals("approve") && !decision.equals("deny")) {
        throw new IllegalArgumentException("unknown decision");
      }
      return new ApprovalVote(rs.getString(2),
          ApprovalVote.Capacity.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
          decision.equals("approve"), rs.getString(5), EpochNanos.toInstant(rs.getLong(6)));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StorageException("a stored approval vote of tenant '" + tenant + "' is not one Convener wrote", e);
    }
  }
}
