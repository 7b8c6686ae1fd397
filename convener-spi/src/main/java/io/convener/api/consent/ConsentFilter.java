package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The only place that mints {@link Disclosed} values: the output filter every shared result passes
 * through. It takes a result's raw candidates and lets a candidate through only when the consent
 * record the lookup returns for its subject grants exactly that purpose, for exactly that subject
 * and tenant, unexpired at the filter's instant; everybody else is counted and left out.
 *
 * <p>The consent engine behind the {@link ConsentGate} builds the filter from a consistent snapshot
 * of the tenant's consent; services call the engine, not this class. The filter re-checks
 * every record itself, so a lookup that returned the wrong record could not make it disclose
 * anybody. Immutable and thread-safe when the lookup is.
 */
public final class ConsentFilter {
  private final TenantId tenant;
  private final Purpose purpose;
  private final long consentVersion;
  private final Instant at;
  private final Function<? super MemberId, Optional<ConsentRecord>> currentRecord;

  private ConsentFilter(
      TenantId tenant,
      Purpose purpose,
      long consentVersion,
      Instant at,
      Function<? super MemberId, Optional<ConsentRecord>> currentRecord) {
    this.tenant = requireNonNull(tenant, "tenant");
    this.purpose = requireNonNull(purpose, "purpose");
    this.consentVersion = consentVersion;
    this.at = requireNonNull(at, "at");
    this.currentRecord = requireNonNull(currentRecord, "currentRecord");
  }

  /**
   * A filter over one snapshot of a tenant's consent for one purpose.
   *
   * @param tenant the tenant
   * @param purpose the purpose candidates are filtered for
   * @param consentVersion the tenant's consent version the snapshot was read at
   * @param at the instant expiry is judged at
   * @param currentRecord each subject's record in force in the snapshot, or empty when the subject
   *     has none or the tenant's policy does not enable the purpose
   */
  public static ConsentFilter of(
      TenantId tenant,
      Purpose purpose,
      long consentVersion,
      Instant at,
      Function<? super MemberId, Optional<ConsentRecord>> currentRecord) {
    return new ConsentFilter(tenant, purpose, consentVersion, at, currentRecord);
  }

  /**
   * Discloses the candidates whose subject consented, in the order given, and counts the others.
   *
   * @param candidates the raw candidates of a result; duplicates are kept as given
   * @param subjectOf the person each candidate is about; a candidate must not name anybody else
   * @throws IllegalArgumentException when a candidate is a member id other than its subject
   */
  public <T> Disclosure<T> apply(Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf) {
    requireNonNull(candidates, "candidates");
    requireNonNull(subjectOf, "subjectOf");
    List<Disclosed<T>> disclosed = new ArrayList<>(candidates.size());
    Set<ConsentRecordId> reliedOn = new LinkedHashSet<>();
    int withheld = 0;
    for (T candidate : candidates) {
      MemberId subject = requireNonNull(subjectOf.apply(requireNonNull(candidate, "candidate")), "subject");
      if (candidate instanceof MemberId id && !id.equals(subject)) {
        // Otherwise a Disclosed<MemberId> could name one person under another's consent.
        throw new IllegalArgumentException("a member id candidate must be its own subject");
      }
      Optional<ConsentRecord> record = requireNonNull(currentRecord.apply(subject), "record");
      if (record.isPresent() && grants(record.get(), tenant, purpose, subject, at)) {
        disclosed.add(new Disclosed<>(candidate, subject, purpose, record.get().id()));
        reliedOn.add(record.get().id());
      } else {
        withheld++;
      }
    }
    return new Disclosure<>(tenant, purpose, disclosed, withheld, List.copyOf(reliedOn), consentVersion, at);
  }

  /**
   * How many of the member ids {@link #apply(Collection)} would disclose, checking each the same
   * way; mints nothing.
   */
  public int count(Collection<MemberId> candidates) {
    requireNonNull(candidates, "candidates");
    int count = 0;
    for (MemberId subject : candidates) {
      Optional<ConsentRecord> record = requireNonNull(currentRecord.apply(requireNonNull(subject, "candidate")), "record");
      if (record.isPresent() && grants(record.get(), tenant, purpose, subject, at)) {
        count++;
      }
    }
    return count;
  }

  /** Discloses the member ids whose owners consented, in the order given, and counts the others. */
  public Disclosure<MemberId> apply(Collection<MemberId> candidates) {
    return apply(candidates, Function.identity());
  }

  /**
   * Mints the disclosed id of one record's subject, checking the record the same way as {@link
   * #apply}: it must grant, unexpired at {@code at}, exactly {@code purpose} in exactly {@code
   * tenant}. The caller must know that the record is the subject's latest for the purpose; {@link
   * ConsentGate} does.
   *
   * @throws IllegalArgumentException naming the reason when the record does not authorise it
   */
  public static Disclosed<MemberId> disclose(ConsentRecord record, TenantId tenant, Purpose purpose, Instant at) {
    requireNonNull(record, "record");
    if (!grants(record, tenant, purpose, record.subject(), at)) {
      throw new IllegalArgumentException(
          "consent record " + record.id() + " does not grant " + purpose + " in tenant " + tenant + " at " + at);
    }
    return new Disclosed<>(record.subject(), record.subject(), purpose, record.id());
  }

  private static boolean grants(ConsentRecord record, TenantId tenant, Purpose purpose, MemberId subject, Instant at) {
    return record.tenant().equals(requireNonNull(tenant, "tenant"))
        && record.subject().equals(requireNonNull(subject, "subject"))
        && record.purpose().equals(requireNonNull(purpose, "purpose"))
        && record.inForceAt(requireNonNull(at, "at"));
  }

  @Override
  public String toString() {
    return "ConsentFilter[" + tenant + ", " + purpose + ", consent version " + consentVersion + "]";
  }
}
