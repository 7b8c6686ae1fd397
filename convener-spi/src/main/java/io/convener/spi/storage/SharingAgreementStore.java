package io.convener.spi.storage;

import io.convener.api.TenantId;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import java.util.List;
import java.util.Optional;

/**
 * The sharing agreements each tenant has recorded: one row per tenant, direction and
 * counterpart. A tenant's rows are its own side only; whether an adoption between two tenants is
 * allowed is decided by reading each tenant's side under its own id. Implementations are
 * thread-safe and throw {@link io.convener.api.StorageException} when the store fails.
 */
public interface SharingAgreementStore {
  /**
   * Stores the agreement, replacing one with the same terms.
   *
   * @throws IllegalArgumentException when the agreement belongs to another tenant
   */
  void put(TenantId tenant, SharingAgreement agreement);

  /** The tenant's agreement with these terms, if recorded. */
  Optional<SharingAgreement> find(TenantId tenant, SharingTerms terms);

  /** Removes the tenant's agreement with these terms; whether there was one. */
  boolean remove(TenantId tenant, SharingTerms terms);

  /** Every agreement of the tenant, ordered by direction, then counterpart. */
  List<SharingAgreement> list(TenantId tenant);
}
