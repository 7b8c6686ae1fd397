package io.convener.api.approval;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request to use a member's data for a purpose and scope, with the rule it was opened under
 * and the votes cast so far. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * @param id the approval's id, unique in the tenant
 * @param tenant the tenant of the subject and requester
 * @param subject the member whose data the request is about
 * @param purpose what the data would be used for
 * @param scope what exactly is asked for, for people (1 to {@value #MAX_SCOPE} characters)
 * @param requester the principal subject who asked
 * @param subjectMustApprove the rule's snapshot: whether the subject must approve
 * @param adminsRequired the rule's snapshot: how many distinct admins must approve
 * @param created when it was requested
 * @param expires when it expires if still pending and, once approved, when the permission it grants
 *     its requester ends; after {@code created}
 * @param status where it stands (as stored: see {@link #statusAt})
 * @param votes the votes cast, oldest first
 */
public record Approval(
    ApprovalId id,
    TenantId tenant,
    MemberId subject,
    Purpose purpose,
    String scope,
    String requester,
    boolean subjectMustApprove,
    int adminsRequired,
    Instant created,
    Instant expires,
    ApprovalStatus status,
    List<ApprovalVote> votes) {
  /** Longest scope accepted. */
  public static final int MAX_SCOPE = 1000;

  /** Validates and copies. */
  public Approval {
    requireNonNull(id, "id");
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    requireNonNull(scope, "scope");
    requireNonNull(requester, "requester");
    requireNonNull(created, "created");
    requireNonNull(expires, "expires");
    requireNonNull(status, "status");
    votes = List.copyOf(requireNonNull(votes, "votes"));
    if (scope.isBlank() || scope.length() > MAX_SCOPE) {
      throw new IllegalArgumentException("scope must be 1 to " + MAX_SCOPE + " characters and not blank");
    }
    if (requester.isBlank()) {
      throw new IllegalArgumentException("requester must not be blank");
    }
    if (adminsRequired < 0 || !subjectMustApprove && adminsRequired == 0) {
      throw new IllegalArgumentException("the subject or at least one admin must approve");
    }
    if (!expires.isAfter(created)) {
      throw new IllegalArgumentException("expires " + expires + " must be after created " + created);
    }
  }

  /** A builder; every field but {@code votes} (default none) and {@code status} (default PENDING) is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The status at {@code now}: {@link ApprovalStatus#EXPIRED} when pending and past {@link
   * #expires}, {@link ApprovalStatus#LAPSED} when approved and past it, else as stored.
   */
  public ApprovalStatus statusAt(Instant now) {
    if (now.isBefore(expires)) {
      return status;
    }
    return switch (status) {
      case PENDING -> ApprovalStatus.EXPIRED;
      case APPROVED -> ApprovalStatus.LAPSED;
      default -> status;
    };
  }

  /**
   * Whether, at {@code now}, this approval lets {@code requester} use its subject's data for its
   * purpose: approved, not yet at its expiry, and asked for by that requester.
   */
  public boolean permits(String requester, Instant now) {
    return statusAt(now) == ApprovalStatus.APPROVED && this.requester.equals(requester);
  }

  /** This approval with another status. */
  public Approval withStatus(ApprovalStatus newStatus) {
    return new Approval(id, tenant, subject, purpose, scope, requester, subjectMustApprove, adminsRequired, created,
        expires, newStatus, votes);
  }

  /** This approval with one more vote and the status that follows. */
  public Approval withVote(ApprovalVote vote, ApprovalStatus newStatus) {
    List<ApprovalVote> more = new ArrayList<>(votes);
    more.add(requireNonNull(vote, "vote"));
    return new Approval(id, tenant, subject, purpose, scope, requester, subjectMustApprove, adminsRequired, created,
        expires, newStatus, more);
  }

  /** Builds an {@link Approval}; not thread-safe. */
  public static final class Builder {
    private @Nullable ApprovalId id;
    private @Nullable TenantId tenant;
    private @Nullable MemberId subject;
    private @Nullable Purpose purpose;
    private @Nullable String scope;
    private @Nullable String requester;
    private boolean subjectMustApprove = true;
    private int adminsRequired;
    private @Nullable Instant created;
    private @Nullable Instant expires;
    private ApprovalStatus status = ApprovalStatus.PENDING;
    private List<ApprovalVote> votes = List.of();

    private Builder() {}

    /** The id. */
    public Builder id(ApprovalId value) {
      this.id = value;
      return this;
    }

    /** The tenant. */
    public Builder tenant(TenantId value) {
      this.tenant = value;
      return this;
    }

    /** The subject. */
    public Builder subject(MemberId value) {
      this.subject = value;
      return this;
    }

    /** The purpose. */
    public Builder purpose(Purpose value) {
      this.purpose = value;
      return this;
    }

    /** The scope. */
    public Builder scope(String value) {
      this.scope = value;
      return this;
    }

    /** The requester's principal subject. */
    public Builder requester(String value) {
      this.requester = value;
      return this;
    }

    /** The rule's snapshot (default: the subject alone). */
    public Builder rule(boolean mustSubjectApprove, int admins) {
      this.subjectMustApprove = mustSubjectApprove;
      this.adminsRequired = admins;
      return this;
    }

    /** When it was requested. */
    public Builder created(Instant value) {
      this.created = value;
      return this;
    }

    /** When it expires. */
    public Builder expires(Instant value) {
      this.expires = value;
      return this;
    }

    /** The status (default PENDING). */
    public Builder status(ApprovalStatus value) {
      this.status = value;
      return this;
    }

    /** The votes (default none). */
    public Builder votes(List<ApprovalVote> value) {
      this.votes = value;
      return this;
    }

    /**
     * The approval.
     *
     * @throws NullPointerException when a required field is missing
     * @throws IllegalArgumentException when fields do not fit together
     */
    public Approval build() {
      return new Approval(requireNonNull(id, "id"), requireNonNull(tenant, "tenant"),
          requireNonNull(subject, "subject"), requireNonNull(purpose, "purpose"), requireNonNull(scope, "scope"),
          requireNonNull(requester, "requester"), subjectMustApprove, adminsRequired,
          requireNonNull(created, "created"), requireNonNull(expires, "expires"), status, votes);
    }
  }
}
