package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Members of a tenant. Callers see personal data ({@code displayName}, {@code email}) in plaintext;
 * implementations keep it encrypted at rest through a {@link
 * io.convener.spi.keys.PersonalDataCipher}, never in plaintext. Implementations are thread-safe,
 * and throw {@link io.convener.api.StorageException} when the store fails and {@link
 * io.convener.api.IntegrityException} when stored personal data fails to decrypt because it was
 * altered.
 */
public interface MemberStore {
  /**
   * Inserts each member, or replaces every field of a member whose id the tenant already has (the
   * last write wins). All or nothing: one transaction.
   *
   * @return how many members were given
   */
  int upsert(TenantId tenant, Collection<Member> members);

  /** The member with this id in this tenant. */
  Optional<Member> find(TenantId tenant, MemberId id);

  /** Every member of the tenant, ordered by id. */
  List<Member> list(TenantId tenant);

  /**
   * Every member of the tenant, ordered by id, without personal data: {@code displayName} and
   * {@code email} are empty. For services that work on pseudonymous ids (the graph, the pulse), so
   * that they neither decrypt nor hold personal data. The default drops it from {@link #list};
   * implementations should not read it at all.
   */
  default List<Member> listPseudonymous(TenantId tenant) {
    return list(tenant).stream()
        .map(m -> new Member(m.id(), m.teams(), m.cohorts(), m.org(), Optional.empty(), Optional.empty(), m.skills()))
        .toList();
  }

  /** How many members the tenant has. */
  long count(TenantId tenant);

  /**
   * Erases the member's personal data: crypto-shreds their data key ({@link
   * io.convener.spi.keys.PersonalDataCipher#shred}), so that every copy of their personal data
   * encrypted or digested so far (in backups and logs too) is unreadable, then deletes their
   * stored personal values. The member's pseudonymous row stays; reading it gives empty {@code
   * displayName} and {@code email}. A later upsert with personal data stores it under a new key.
   *
   * @return whether the member had personal data or a data key
   */
  boolean erasePersonalData(TenantId tenant, MemberId id);
}
