package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * What the consent filter let through of one result's candidates: the {@link Disclosed} ones in
 * the order given, how many were left out (counted, never named), and the consent records relied
 * on. Every shared output is built from one of these, so each result can say which records
 * authorised it. Only {@link ConsentFilter} creates instances. Immutable and thread-safe when the
 * values are.
 *
 * @param <T> the type of the candidates
 */
public final class Disclosure<T> {
  private final TenantId tenant;
  private final Purpose purpose;
  private final List<Disclosed<T>> disclosed;
  private final int withheld;
  private final List<ConsentRecordId> reliedOn;
  private final long consentVersion;
  private final Instant at;

  Disclosure(
      TenantId tenant,
      Purpose purpose,
      List<Disclosed<T>> disclosed,
      int withheld,
      List<ConsentRecordId> reliedOn,
      long consentVersion,
      Instant at) {
    this.tenant = requireNonNull(tenant, "tenant");
    this.purpose = requireNonNull(purpose, "purpose");
    this.disclosed = List.copyOf(disclosed);
    this.withheld = withheld;
    this.reliedOn = List.copyOf(reliedOn);
    this.consentVersion = consentVersion;
    this.at = requireNonNull(at, "at");
  }

  /** The tenant whose consent was consulted. */
  public TenantId tenant() {
    return tenant;
  }

  /** The purpose the candidates were filtered for. */
  public Purpose purpose() {
    return purpose;
  }

  /** The candidates that may be shown, in the order given, each with the record relied on. */
  public List<Disclosed<T>> disclosed() {
    return disclosed;
  }

  /** How many candidates were left out for lack of consent (or because the purpose is disabled). */
  public int withheld() {
    return withheld;
  }

  /** The ids of the consent records relied on, without duplicates, in order of first use. */
  public List<ConsentRecordId> reliedOn() {
    return reliedOn;
  }

  /**
   * The tenant's consent version the filter read: every consent change of the tenant raises it, so
   * two disclosures with the same version saw the same consent state.
   */
  public long consentVersion() {
    return consentVersion;
  }

  /** The instant at which expiry was judged. */
  public Instant at() {
    return at;
  }

  @Override
  public String toString() {
    return "Disclosure[" + purpose + ": " + disclosed.size() + " disclosed, " + withheld
        + " withheld, consent version " + consentVersion + "]";
  }
}
