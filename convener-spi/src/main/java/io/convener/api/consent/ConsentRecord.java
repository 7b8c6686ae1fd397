package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One consent decision of one person for one purpose: the consent record of ISO/IEC TS 27560, and
 * the receipt a member can be shown. Records are append-only; a later record for the same subject
 * and purpose supersedes an earlier one, which stays in the history.
 *
 * <p>Fields and their Kantara Consent Receipt v1.1 counterparts: {@code id} is {@code
 * consentReceiptID}; {@code tenant} the PII controller ({@code piiControllers}); {@code subject}
 * the PII principal ({@code piiPrincipalId}, pseudonymous); {@code purpose} the {@code purpose};
 * {@code decision} with {@code at} the event of the 27560 event section (give or withdraw) and
 * {@code consentTimestamp}; {@code noticeVersion} the notice shown ({@code policyUrl}); {@code
 * method} the {@code collectionMethod}; {@code recordedBy} who recorded it (OneTrust's {@code
 * withdrawnBy}); {@code expiresAt} the {@code termination}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, which fails fast on bad
 * combinations.
 *
 * @param id unique in the tenant
 * @param tenant the tenant the record belongs to
 * @param subject the person the consent is about (the data subject)
 * @param purpose what the consent is for
 * @param decision granted or revoked
 * @param noticeVersion the version of the notice the subject was shown, when known; a grant through
 *     the API always has one
 * @param method how the decision reached Convener
 * @param recordedBy who recorded it: the principal's subject, or {@code ingest} for interchange
 *     events
 * @param at when the decision was made; among the records of one subject and purpose, the latest
 *     {@code at} is in force
 * @param expiresAt when a grant lapses, if it does; only grants expire, and only after {@code at}
 * @param sourceEvent the interchange event that carried the decision; present exactly when {@code
 *     method} is {@link ConsentMethod#INTERCHANGE_EVENT}
 */
public record ConsentRecord(
    ConsentRecordId id,
    TenantId tenant,
    MemberId subject,
    Purpose purpose,
    ConsentDecision decision,
    Optional<String> noticeVersion,
    ConsentMethod method,
    String recordedBy,
    Instant at,
    Optional<Instant> expiresAt,
    Optional<EventId> sourceEvent) {

  /** Longest notice version and {@code recordedBy} accepted. */
  public static final int MAX_TEXT = 200;

  /**
   * Validates every component and their combinations.
   *
   * @throws IllegalArgumentException naming the first bad component or combination
   * @throws NullPointerException naming a null component
   */
  public ConsentRecord {
    requireNonNull(id, "id");
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    requireNonNull(decision, "decision");
    requireNonNull(noticeVersion, "noticeVersion");
    noticeVersion.ifPresent(v -> checkText(v, "noticeVersion"));
    requireNonNull(method, "method");
    checkText(recordedBy, "recordedBy");
    requireNonNull(at, "at");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(sourceEvent, "sourceEvent");
    if (expiresAt.isPresent()) {
      if (decision != ConsentDecision.GRANTED) {
        throw new IllegalArgumentException("expiresAt: only a grant can expire, not a " + decision.wireName() + " record");
      }
      if (!expiresAt.get().isAfter(at)) {
        throw new IllegalArgumentException("expiresAt " + expiresAt.get() + " must be after at " + at);
      }
    }
    if ((method == ConsentMethod.INTERCHANGE_EVENT) != sourceEvent.isPresent()) {
      throw new IllegalArgumentException(
          "sourceEvent must be given exactly when the method is " + ConsentMethod.INTERCHANGE_EVENT.wireName());
    }
  }

  /** A builder; every component but the optional ones must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether this record puts consent in force at {@code instant}: it grants, and it has not expired
   * by then (a grant expiring at {@code instant} is no longer in force). Whether it is the
   * subject's latest record is for the caller to know.
   */
  public boolean inForceAt(Instant instant) {
    return decision == ConsentDecision.GRANTED
        && (expiresAt.isEmpty() || instant.isBefore(expiresAt.get()));
  }

  private static void checkText(String value, String what) {
    requireNonNull(value, what);
    if (value.isBlank() || value.length() > MAX_TEXT || !value.strip().equals(value)) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + MAX_TEXT + " characters without surrounding whitespace");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " must not contain control characters");
      }
    }
  }

  /** Builds a {@link ConsentRecord}. Not thread-safe; validation happens in {@link #build()}. */
  public static final class Builder {
    private @Nullable ConsentRecordId id;
    private @Nullable TenantId tenant;
    private @Nullable MemberId subject;
    private @Nullable Purpose purpose;
    private @Nullable ConsentDecision decision;
    private @Nullable String noticeVersion;
    private @Nullable ConsentMethod method;
    private @Nullable String recordedBy;
    private @Nullable Instant at;
    private @Nullable Instant expiresAt;
    private @Nullable EventId sourceEvent;

    private Builder() {}

    /** The record's id. */
    public Builder id(ConsentRecordId id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** The tenant. */
    public Builder tenant(TenantId tenant) {
      this.tenant = requireNonNull(tenant, "tenant");
      return this;
    }

    /** The data subject. */
    public Builder subject(MemberId subject) {
      this.subject = requireNonNull(subject, "subject");
      return this;
    }

    /** The purpose. */
    public Builder purpose(Purpose purpose) {
      this.purpose = requireNonNull(purpose, "purpose");
      return this;
    }

    /** Granted or revoked. */
    public Builder decision(ConsentDecision decision) {
      this.decision = requireNonNull(decision, "decision");
      return this;
    }

    /** The version of the notice shown. */
    public Builder noticeVersion(String noticeVersion) {
      this.noticeVersion = requireNonNull(noticeVersion, "noticeVersion");
      return this;
    }

    /** The version of the notice shown, if known. */
    public Builder noticeVersion(Optional<String> noticeVersion) {
      this.noticeVersion = requireNonNull(noticeVersion, "noticeVersion").orElse(null);
      return this;
    }

    /** How the decision reached Convener. */
    public Builder method(ConsentMethod method) {
      this.method = requireNonNull(method, "method");
      return this;
    }

    /** Who recorded it. */
    public Builder recordedBy(String recordedBy) {
      this.recordedBy = requireNonNull(recordedBy, "recordedBy");
      return this;
    }

    /** When the decision was made. */
    public Builder at(Instant at) {
      this.at = requireNonNull(at, "at");
      return this;
    }

    /** When a grant lapses. */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /** When a grant lapses, if it does. */
    public Builder expiresAt(Optional<Instant> expiresAt) {
      this.expiresAt = requireNonNull(expiresAt, "expiresAt").orElse(null);
      return this;
    }

    /** The interchange event that carried the decision. */
    public Builder sourceEvent(EventId sourceEvent) {
      this.sourceEvent = requireNonNull(sourceEvent, "sourceEvent");
      return this;
    }

    /** The interchange event that carried the decision, if any. */
    public Builder sourceEvent(Optional<EventId> sourceEvent) {
      this.sourceEvent = requireNonNull(sourceEvent, "sourceEvent").orElse(null);
      return this;
    }

    /**
     * The record.
     *
     * @throws NullPointerException naming the first required component not set
     * @throws IllegalArgumentException naming the first bad component or combination
     */
    public ConsentRecord build() {
      return new ConsentRecord(
          requireNonNull(id, "id"),
          requireNonNull(tenant, "tenant"),
          requireNonNull(subject, "subject"),
          requireNonNull(purpose, "purpose"),
          requireNonNull(decision, "decision"),
          Optional.ofNullable(noticeVersion),
          requireNonNull(method, "method"),
          requireNonNull(recordedBy, "recordedBy"),
          requireNonNull(at, "at"),
          Optional.ofNullable(expiresAt),
          Optional.ofNullable(sourceEvent));
    }
  }
}
