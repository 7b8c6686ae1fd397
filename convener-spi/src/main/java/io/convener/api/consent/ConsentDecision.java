package io.convener.api.consent;

import java.util.Optional;

/**
 * What a consent record says: the subject grants consent for the purpose, or revokes it. A
 * revocation is a record of its own, as easy to make as a grant; it ends the consent from then on
 * and leaves earlier records valid for what was done under them (GDPR Art. 7(3)).
 */
public enum ConsentDecision {
  /** The subject consents to the purpose. */
  GRANTED("granted"),
  /** The subject withdraws consent for the purpose. */
  REVOKED("revoked");

  private final String wireName;

  ConsentDecision(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the interchange format ({@code attrs.decision}) and in storage. */
  public String wireName() {
    return wireName;
  }

  /** The decision with this wire name (case-sensitive), or empty. */
  public static Optional<ConsentDecision> fromWireName(String wireName) {
    for (ConsentDecision d : values()) {
      if (d.wireName.equals(wireName)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
