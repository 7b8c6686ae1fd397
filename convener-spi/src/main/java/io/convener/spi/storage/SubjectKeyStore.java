package io.convener.spi.storage;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wrapped data keys of a tenant's members, at most one per member: what envelope encryption of
 * personal data stores beside the data ({@link io.convener.spi.keys.PersonalDataCipher}). Deleting
 * a member's key crypto-shreds that member. The store never sees an unwrapped key.
 *
 * <p>Implementations are thread-safe, and throw {@link io.convener.api.StorageException} when the
 * store fails. A write registers the tenant if needed.
 */
public interface SubjectKeyStore {
  /** The keys of those of {@code subjects} that have one, by subject. */
  Map<MemberId, WrappedKey> find(TenantId tenant, Collection<MemberId> subjects);

  /** The key of one member, if they have one. */
  default Optional<WrappedKey> find(TenantId tenant, MemberId subject) {
    return Optional.ofNullable(find(tenant, List.of(subject)).get(subject));
  }

  /**
   * Stores each key whose member has none yet, in one transaction, and leaves existing keys
   * untouched: of concurrent writers for one member, exactly one wins.
   *
   * @param keys at most one per member
   * @return the key each of the given members has afterwards: the one given, or the one stored
   *     before (compare {@link WrappedKey#keyId()} to tell)
   * @throws IllegalArgumentException when two keys name the same member
   */
  Map<MemberId, WrappedKey> insertIfAbsent(TenantId tenant, Collection<WrappedKey> keys);

  /**
   * Replaces the wrapping of stored keys (after a rotation of the key-encryption key), in one
   * transaction: for each given key, the member's stored key is updated to the given {@code
   * wrappingKeyId} and {@code wrapped} only if its {@code keyId} is the given one, so a key that was
   * deleted or replaced meanwhile is left alone.
   *
   * @return how many keys were updated
   */
  int updateWrapping(TenantId tenant, Collection<WrappedKey> keys);

  /**
   * Deletes the member's key: crypto-shreds the member.
   *
   * @return whether the member had a key
   */
  boolean delete(TenantId tenant, MemberId subject);

  /**
   * Deletes the member's key only if it is the one with this id (to replace a key that can no
   * longer be unwrapped without racing a writer that replaced it first).
   *
   * @return whether the key was deleted
   */
  boolean delete(TenantId tenant, MemberId subject, long keyId);

  /**
   * Deletes every key of the tenant.
   *
   * @return how many keys were deleted
   */
  long deleteAll(TenantId tenant);

  /**
   * Up to {@code limit} keys of the tenant in the order of their subject ids as the store compares
   * them, starting after {@code after} (or from the first): pages through every key exactly once
   * when each call starts after the last subject of the previous page.
   *
   * @throws IllegalArgumentException when {@code limit} is not in [1, 10000]
   */
  List<WrappedKey> page(TenantId tenant, Optional<MemberId> after, int limit);

  /** How many keys the tenant has. */
  long count(TenantId tenant);
}
