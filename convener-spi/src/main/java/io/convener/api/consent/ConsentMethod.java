package io.convener.api.consent;

import java.util.Optional;

/**
 * How a consent decision reached Convener: the collection method of a Kantara consent receipt
 * ({@code collectionMethod}).
 */
public enum ConsentMethod {
  /** A {@code consent} event of the interchange format, taken by ingestion. */
  INTERCHANGE_EVENT("interchange-event"),
  /** The subject's own call of {@link ConsentGate}, as an authenticated member. */
  API("api"),
  /** An administrator recorded the subject's decision on the subject's behalf. */
  ADMIN_ON_BEHALF("admin-on-behalf"),
  /**
   * An approved approval: the subject (and the admins its rule asked) approved one requester's
   * request for the purpose, so that requester alone may use it until the approval's expiry. Such
   * a record is not stored as consent; it stands for the approval, whose id it carries ({@code
   * approval:<id>}), and never discloses the subject to anybody but the requester.
   */
  APPROVAL("approval");

  private final String wireName;

  ConsentMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The stable name used in storage and in receipts. */
  public String wireName() {
    return wireName;
  }

  /** The method with this wire name (case-sensitive), or empty. */
  public static Optional<ConsentMethod> fromWireName(String wireName) {
    for (ConsentMethod m : values()) {
      if (m.wireName.equals(wireName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
