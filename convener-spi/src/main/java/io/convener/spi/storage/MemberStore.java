package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Members of a tenant. Implementations are thread-safe, and throw {@link
 * io.convener.api.StorageException} when the store fails.
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

  /** How many members the tenant has. */
  long count(TenantId tenant);
}
