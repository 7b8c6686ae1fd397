package io.convener.spi.keys;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Each tenant's key material: the key-encryption keyset ({@link TenantKeyset}, AES-256) that wraps
 * the per-member data keys of personal data, and the Ed25519 key pairs that sign the tenant's log
 * checkpoints. The default keeps keysets in local files; a host replaces it (through Guice's
 * {@code OptionalBinder}) to hold keys in a KMS or an HSM-backed vault.
 *
 * <p>Lifecycle of a tenant's keys:
 *
 * <ul>
 *   <li>Keys are created on first use: {@link #keyset} and {@link #signingKey} create the tenant's
 *       first key of their kind when it has none.
 *   <li>{@link #rotate} and {@link #rotateSigningKey} add a new primary key; earlier keys stay, so
 *       what they wrapped still unwraps and what they signed still verifies.
 *   <li>{@link #destroyKey} removes one key-encryption key that is no longer primary (after its
 *       data keys were re-wrapped): data keys still wrapped under it become unreadable for good.
 *   <li>{@link #destroy} crypto-shreds the tenant: every key-encryption key and every private
 *       signing key is gone, so every data key wrapped for the tenant, and so all of its personal
 *       data, is unreadable for good. The public signing keys stay, so signed checkpoints still
 *       verify. A later {@link #keyset} or {@link #signingKey} starts the tenant over with new keys
 *       that read nothing written before.
 * </ul>
 *
 * <p>Key ids are unique within a tenant: a provider never issues an id it has issued before for the
 * same tenant, destroyed keys included, so a wrapped key that names a missing key-encryption key is
 * one whose key was destroyed, never one that another key might unwrap. Implementations are thread-safe; methods that
 * change keys are atomic and durable when they return (a crash never leaves a half-written
 * keyset), and they throw {@link io.convener.api.StorageException} when the keys cannot be read or
 * written. They never log or expose key material other than through these methods.
 */
public interface KeyProvider {
  /**
   * The tenant's key-encryption keys, creating the first one if the tenant has none (on first use,
   * or after {@link #destroy}).
   */
  TenantKeyset keyset(TenantId tenant);

  /**
   * The tenant's key-encryption key with this id, if the tenant still has it. Never creates keys:
   * empty for a tenant without keys, a destroyed key, or an id that was never issued.
   */
  Optional<SecretKey> keyEncryptionKey(TenantId tenant, int keyId);

  /**
   * Adds a new key-encryption key to the tenant's keyset and makes it primary; earlier keys stay
   * for unwrapping. Creates the keyset if the tenant has none.
   *
   * @return the keyset after the rotation
   */
  TenantKeyset rotate(TenantId tenant);

  /**
   * Destroys one key-encryption key: data keys still wrapped under it can never be unwrapped again.
   * Re-wrap them first ({@link PersonalDataCipher#rewrap}) unless that is the intent. Does nothing
   * when the tenant has no key with this id.
   *
   * @throws IllegalArgumentException when the key is the tenant's primary key: rotate first
   */
  void destroyKey(TenantId tenant, int keyId);

  /**
   * Crypto-shreds the tenant: destroys every key-encryption key and every private signing key of
   * the tenant, keeping only the public signing keys for verification. Irreversible; idempotent.
   * Copies of the keys outside the provider (backups of a key file, for example) are not reached.
   */
  void destroy(TenantId tenant);

  /**
   * The tenant's current Ed25519 key pair for signing log checkpoints, created on first use. Its
   * key id is {@link #signingKeyId signingKeyId(pair.getPublic())}.
   */
  KeyPair signingKey(TenantId tenant);

  /**
   * Adds a new Ed25519 signing key pair and makes it current; earlier public keys stay available
   * through {@link #verificationKey}.
   *
   * @return the new key pair
   */
  KeyPair rotateSigningKey(TenantId tenant);

  /**
   * The public key of the tenant's signing key with this id ({@link #signingKeyId}), current or
   * earlier, including those of a destroyed tenant; empty for an unknown id.
   */
  Optional<PublicKey> verificationKey(TenantId tenant, int keyId);

  /** Every public signing key the tenant has had, the current one first; empty if none. */
  List<PublicKey> verificationKeys(TenantId tenant);

  /**
   * The id of a signing key: the first four bytes, big-endian, of the SHA-256 digest of the
   * public key's X.509 encoding. The same for every provider, so a verifier needs only the public
   * key to know it.
   *
   * @throws IllegalArgumentException when the key has no encoding
   */
  static int signingKeyId(PublicKey publicKey) {
    requireNonNull(publicKey, "publicKey");
    byte[] encoded = publicKey.getEncoded();
    if (encoded == null) {
      throw new IllegalArgumentException("the public key has no encoding");
    }
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(encoded)).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
