package io.convener.jdbc.internal.feedback;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.FeedbackStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Feedback in {@code feedback}: an insert per piece, a compare-and-set on the status for a review.
 * The same SQL on every database. Thread-safe.
 */
final class JdbiFeedbackStore implements FeedbackStore {
  static final String INSERT = """
      INSERT INTO feedback (tenant_id, feedback_id, kind, member_id, team_id, outcome_id, risk_kind, verdict, reason,
        author, created_at, status)
      VALUES (:tenant, :id, :kind, :member, :team, :outcome, :risk, :verdict, :reason, :author, :createdAt, :status)""";
  static final String FIND = "SELECT " + FeedbackRows.COLUMNS
      + " FROM feedback WHERE tenant_id = :tenant AND feedback_id = :id";
  static final String ALL = "SELECT " + FeedbackRows.COLUMNS
      + " FROM feedback WHERE tenant_id = :tenant ORDER BY created_at DESC, feedback_id DESC";
  static final String BY_STATUS = "SELECT " + FeedbackRows.COLUMNS
      + " FROM feedback WHERE tenant_id = :tenant AND status = :status ORDER BY created_at DESC, feedback_id DESC";
  static final String HOLDING = "SELECT " + FeedbackRows.COLUMNS
      + " FROM feedback WHERE tenant_id = :tenant AND status IN ('OPEN', 'ACCEPTED') AND verdict = 'DISPUTE'"
      + " ORDER BY created_at, feedback_id";
  static final String REVIEW = """
      UPDATE feedback SET status = :status, reviewer = :reviewer, reviewed_at = :reviewedAt
      WHERE tenant_id = :tenant AND feedback_id = :id AND status = 'OPEN'""";

  private final Database database;

  @Inject
  JdbiFeedbackStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void insert(TenantId tenant, Feedback feedback) {
    requireNonNull(tenant, "tenant");
    requireNonNull(feedback, "feedback");
    sameTenant(tenant, feedback);
    database.write("insert feedback", tenant, handle -> FeedbackRows.bind(handle.createUpdate(INSERT), feedback)
        .bind("tenant", tenant.value())
        .execute());
  }

  @Override
  public Optional<Feedback> find(TenantId tenant, FeedbackId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.read("find feedback", tenant, handle -> handle.createQuery(FIND)
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map((rs, ctx) -> FeedbackRows.feedback(tenant, rs))
        .findOne());
  }

  @Override
  public List<Feedback> list(TenantId tenant, Optional<FeedbackStatus> status) {
    requireNonNull(tenant, "tenant");
    requireNonNull(status, "status");
    return List.copyOf(database.read("list feedback", tenant, handle -> {
      var query = handle.createQuery(status.isPresent() ? BY_STATUS : ALL).bind("tenant", tenant.value());
      status.ifPresent(s -> query.bind("status", s.name()));
      return query.map((rs, ctx) -> FeedbackRows.feedback(tenant, rs)).list();
    }));
  }

  @Override
  public List<Feedback> holdingDisputes(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return List.copyOf(database.read("list holding disputes", tenant, handle -> handle.createQuery(HOLDING)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> FeedbackRows.feedback(tenant, rs))
        .list()));
  }

  @Override
  public boolean review(TenantId tenant, Feedback reviewed) {
    requireNonNull(tenant, "tenant");
    requireNonNull(reviewed, "reviewed");
    sameTenant(tenant, reviewed);
    if (reviewed.reviewer().isEmpty() || reviewed.reviewed().isEmpty()) {
      throw new IllegalArgumentException("feedback " + reviewed.id() + " is not a reviewed dispute");
    }
    long at = EpochNanos.of(reviewed.reviewed().get(), "reviewed");
    return database.update("review feedback", tenant, handle -> handle.createUpdate(REVIEW)
        .bind("tenant", tenant.value())
        .bind("id", reviewed.id().value())
        .bind("status", reviewed.status().name())
        .bind("reviewer", reviewed.reviewer().get())
        .bind("reviewedAt", at)
        .execute()) == 1;
  }

  private static void sameTenant(TenantId tenant, Feedback feedback) {
    if (!feedback.tenant().equals(tenant)) {
      throw new IllegalArgumentException("feedback " + feedback.id() + " belongs to tenant " + feedback.tenant().value()
          + ", not " + tenant.value());
    }
  }
}
