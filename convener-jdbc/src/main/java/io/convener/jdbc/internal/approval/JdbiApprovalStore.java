package io.convener.jdbc.internal.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.approval.ApprovalVote;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.ApprovalStore;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Approvals in {@code approvals} and their votes in {@code approval_votes}. An update is a
 * compare-and-set on the status and the vote count, so of two concurrent votes on the same state
 * one wins and the other is told to read again. Thread-safe.
 */
final class JdbiApprovalStore implements ApprovalStore {
  static final String INSERT_APPROVAL =
      """
      INSERT INTO approvals (tenant_id, approval_id, subject, purpose, scope, requester, subject_must_approve,
        admins_required, created_at, expires_at, status, vote_count)
      VALUES (:tenant, :id, :subject, :purpose, :scope, :requester, :subjectMustApprove, :adminsRequired,
        :createdAt, :expiresAt, :status, :voteCount)""";

  static final String INSERT_VOTE =
      """
      INSERT INTO approval_votes (tenant_id, approval_id, seq, approver, capacity, decision, reason, at)
      VALUES (:tenant, :id, :seq, :approver, :capacity, :decision, :reason, :at)""";

  static final String UPDATE_APPROVAL =
      """
      UPDATE approvals SET status = :status, vote_count = :voteCount
      WHERE tenant_id = :tenant AND approval_id = :id AND status = :expectedStatus
        AND vote_count = :expectedVotes""";

  static final String SELECT_APPROVAL =
      "SELECT " + ApprovalRows.COLUMNS + " FROM approvals WHERE tenant_id = :tenant AND approval_id = :id";

  static final String SELECT_ALL =
      "SELECT " + ApprovalRows.COLUMNS + " FROM approvals WHERE tenant_id = :tenant"
          + " ORDER BY created_at DESC, approval_id";

  static final String SELECT_BY_STATUS =
      "SELECT " + ApprovalRows.COLUMNS + " FROM approvals WHERE tenant_id = :tenant AND status = :status"
          + " ORDER BY created_at DESC, approval_id";

  static final String SELECT_VOTES =
      "SELECT " + ApprovalRows.VOTE_COLUMNS + " FROM approval_votes WHERE tenant_id = :tenant AND approval_id = :id"
          + " ORDER BY seq";

  static final String SELECT_ALL_VOTES =
      "SELECT " + ApprovalRows.VOTE_COLUMNS + " FROM approval_votes WHERE tenant_id = :tenant"
          + " ORDER BY approval_id, seq";

  private final Database database;

  @Inject
  JdbiApprovalStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void insert(TenantId tenant, Approval approval) {
    requireNonNull(tenant, "tenant");
    requireNonNull(approval, "approval");
    checkTenant(tenant, approval);
    checkInstants(approval);
    database.write("insert approval", tenant, handle -> {
      ApprovalRows.bindApproval(handle.createUpdate(INSERT_APPROVAL).bind("tenant", tenant.value()), approval)
          .execute();
      insertVotes(handle, tenant, approval.id(), approval.votes(), 0);
      return null;
    });
  }

  @Override
  public Optional<Approval> find(TenantId tenant, ApprovalId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.read("find approval", tenant, handle -> {
      List<ApprovalVote> votes = handle.createQuery(SELECT_VOTES)
          .bind("tenant", tenant.value())
          .bind("id", id.value())
          .map((rs, ctx) -> ApprovalRows.vote(tenant, rs))
          .list();
      return handle.createQuery(SELECT_APPROVAL)
          .bind("tenant", tenant.value())
          .bind("id", id.value())
          .map((rs, ctx) -> ApprovalRows.approval(tenant, rs, votes))
          .findOne();
    });
  }

  @Override
  public List<Approval> list(TenantId tenant, Optional<ApprovalStatus> status) {
    requireNonNull(tenant, "tenant");
    requireNonNull(status, "status");
    return List.copyOf(database.read("list approvals", tenant, handle -> {
      Map<String, List<ApprovalVote>> votes = new HashMap<>();
      handle.createQuery(SELECT_ALL_VOTES)
          .bind("tenant", tenant.value())
          .map((rs, ctx) -> Map.entry(rs.getString(1), ApprovalRows.vote(tenant, rs)))
          .forEach(e -> votes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      Query query = status.isPresent()
          ? handle.createQuery(SELECT_BY_STATUS).bind("status", status.get().name())
          : handle.createQuery(SELECT_ALL);
      return query.bind("tenant", tenant.value())
          .map((rs, ctx) -> ApprovalRows.approval(tenant, rs, votes.getOrDefault(rs.getString(1), List.of())))
          .list();
    }));
  }

  @Override
  public boolean update(TenantId tenant, Approval expected, Approval updated) {
    requireNonNull(tenant, "tenant");
    requireNonNull(expected, "expected");
    requireNonNull(updated, "updated");
    checkTenant(tenant, expected);
    checkTenant(tenant, updated);
    if (!expected.id().equals(updated.id())) {
      throw new IllegalArgumentException("expected and updated are different approvals");
    }
    int before = expected.votes().size();
    if (updated.votes().size() < before || !updated.votes().subList(0, before).equals(expected.votes())) {
      throw new IllegalArgumentException("the updated approval must keep every vote of the expected one");
    }
    checkInstants(updated);
    return database.write("update approval", tenant, handle -> {
      int rows = handle.createUpdate(UPDATE_APPROVAL)
          .bind("status", updated.status().name())
          .bind("voteCount", updated.votes().size())
          .bind("tenant", tenant.value())
          .bind("id", updated.id().value())
          .bind("expectedStatus", expected.status().name())
          .bind("expectedVotes", before)
          .execute();
      if (rows != 1) {
        return false;
      }
      insertVotes(handle, tenant, updated.id(), updated.votes().subList(before, updated.votes().size()), before);
      return true;
    });
  }

  private static void insertVotes(Handle handle, TenantId tenant, ApprovalId id, List<ApprovalVote> votes, int from) {
    int seq = from;
    for (ApprovalVote v : votes) {
      ApprovalRows.bindVote(handle.createUpdate(INSERT_VOTE).bind("tenant", tenant.value()), id, ++seq, v).execute();
    }
  }

  private static void checkTenant(TenantId tenant, Approval approval) {
    if (!approval.tenant().equals(tenant)) {
      throw new IllegalArgumentException("approval " + approval.id() + " belongs to another tenant");
    }
  }

  /** Refuses instants the schema cannot hold before anything is written. */
  private static void checkInstants(Approval approval) {
    EpochNanos.of(approval.created(), "created");
    EpochNanos.of(approval.expires(), "expires");
    approval.votes().forEach(v -> EpochNanos.of(v.at(), "at"));
  }
}
