package io.convener.api.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;

/**
 * One tenant's side of a sharing agreement, recorded by its admin. An adoption from tenant A by a
 * team of tenant B is recorded only while A has {@code SHARE_WITH B} and B has {@code ACCEPT_FROM
 * A}; either side alone is not enough. Immutable.
 *
 * @param tenant the tenant that recorded this side
 * @param terms the direction and the other tenant
 * @param recordedBy the subject of the admin who recorded it
 * @param recordedAt when it was recorded
 */
public record SharingAgreement(TenantId tenant, SharingTerms terms, String recordedBy, Instant recordedAt) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the counterpart is the tenant itself, or {@code
   *     recordedBy} is blank or longer than 200 characters
   */
  public SharingAgreement {
    requireNonNull(tenant, "tenant");
    requireNonNull(terms, "terms");
    requireNonNull(recordedBy, "recordedBy");
    if (recordedBy.isBlank() || recordedBy.length() > 200) {
      throw new IllegalArgumentException("recordedBy must be 1 to 200 characters, not blank");
    }
    requireNonNull(recordedAt, "recordedAt");
    if (terms.counterpart().equals(tenant)) {
      throw new IllegalArgumentException("counterpart must be another tenant than " + tenant.value());
    }
  }
}
