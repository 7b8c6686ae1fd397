package io.convener.spi.keys;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts, decrypts and digests members' personal values, so that stores and logs keep only
 * ciphertext or digests and never hold a key. {@code convener-core} implements it with envelope
 * encryption: each member has a data key of their own, wrapped under the tenant's primary
 * key-encryption key from the {@link KeyProvider}; each value is sealed with AES-256-GCM under the
 * member's data key, bound to the tenant, the member and the field.
 *
 * <p>Shredding: {@link #shred} destroys one member's data key, {@link #shredTenant} every key of a
 * tenant. Afterwards {@link #decryptAll} returns empty for what was encrypted before, and {@link
 * #matchesDigest} returns false for digests made before: the values can be neither read nor
 * confirmed, though the ciphertexts and digests themselves (in a log, for example) stay as they
 * were. A later {@link #encryptAll} for the same member creates a new data key.
 *
 * <p>Failures: a ciphertext or digest that was altered, or moved to another tenant, member or
 * field, throws {@link io.convener.api.IntegrityException} when read (never empty, which means
 * shredded, and never a wrong value); a key store failure throws {@link
 * io.convener.api.StorageException}. Batch methods touch the key store once per call, not once per
 * value, and may create data keys in their own transaction before the caller writes its rows.
 *
 * <p>Implementations are thread-safe. Exceptions and log lines never contain a value.
 */
public interface PersonalDataCipher {
  /** The field name of a member's display name. */
  String DISPLAY_NAME = "displayName";

  /** The field name of a member's email address. */
  String EMAIL = "email";

  /**
   * Encrypts each plaintext under its member's data key, creating data keys that do not exist yet.
   *
   * @return the ciphertexts as text (ASCII, safe in any text column), in the order given
   */
  List<String> encryptAll(TenantId tenant, List<PersonalValue> plaintexts);

  /**
   * Decrypts each ciphertext.
   *
   * @return the plaintexts in the order given; empty for a value whose data key was shredded
   * @throws io.convener.api.IntegrityException when a ciphertext was altered, is not one this
   *     cipher made, or was made for another tenant, member or field
   */
  List<Optional<String>> decryptAll(TenantId tenant, List<PersonalValue> ciphertexts);

  /** Encrypts one value; see {@link #encryptAll}. */
  default String encrypt(TenantId tenant, MemberId subject, String field, String plaintext) {
    return encryptAll(tenant, List.of(PersonalValue.of(subject, field, plaintext))).get(0);
  }

  /** Decrypts one value; see {@link #decryptAll}. */
  default Optional<String> decrypt(TenantId tenant, MemberId subject, String field, String ciphertext) {
    return decryptAll(tenant, List.of(PersonalValue.of(subject, field, ciphertext))).get(0);
  }

  /**
   * A salted digest of a personal value that a log can commit to instead of the value: HMAC-SHA-256
   * under a key of the member's own, so that nobody without that key can test a guess against it.
   * Deterministic while the member's data key lives; creates the data key if needed.
   *
   * @return the digest as ASCII text, which also names the data key it was made under
   */
  String digest(TenantId tenant, PersonalValue plaintext);

  /**
   * Whether {@code digest} is the digest of this plaintext for this member and field. False after
   * the member's data key was shredded: the value can no longer be confirmed.
   *
   * @throws io.convener.api.IntegrityException when {@code digest} is not a digest this cipher made
   */
  boolean matchesDigest(TenantId tenant, PersonalValue plaintext, String digest);

  /**
   * Crypto-shreds one member: destroys their data key, so that everything encrypted or digested
   * for them so far is unreadable and unconfirmable for good.
   *
   * @return whether the member had a data key
   */
  boolean shred(TenantId tenant, MemberId subject);

  /**
   * Crypto-shreds the tenant: destroys its key-encryption keys ({@link KeyProvider#destroy}) and
   * deletes every wrapped data key of its members.
   */
  void shredTenant(TenantId tenant);

  /**
   * Re-wraps every data key of the tenant that is not wrapped under the current primary
   * key-encryption key, so that older key-encryption keys can then be destroyed ({@link
   * KeyProvider#destroyKey}). Values need no re-encryption: their data keys stay the same. Data
   * keys whose key-encryption key is already destroyed are left as they are (they are shredded).
   *
   * @return how many data keys were re-wrapped
   */
  int rewrap(TenantId tenant);
}
