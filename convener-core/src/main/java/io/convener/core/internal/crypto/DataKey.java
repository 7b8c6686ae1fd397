package io.convener.core.internal.crypto;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One member's data key (DEK): 64 random bytes, the first half an AES-256 key for their personal
 * values, the second half an HMAC-SHA-256 key for digests of them, with a random 64-bit id that
 * every ciphertext and digest made under it names. Immutable and thread-safe; {@link #toString()}
 * shows the id only.
 *
 * @param id the key's id, fixed for its life
 * @param encryptionKey the AES-256 key
 * @param digestKey the HMAC-SHA-256 key
 */
record DataKey(long id, SecretKey encryptionKey, SecretKey digestKey) {
  /** Length of the key material, in bytes. */
  static final int MATERIAL_BYTES = 2 * AesGcm.KEY_BYTES;

  DataKey {
    requireNonNull(encryptionKey, "encryptionKey");
    requireNonNull(digestKey, "digestKey");
  }

  /** A new key with a random id. */
  static DataKey generate(SecureRandom random) {
    byte[] material = new byte[MATERIAL_BYTES];
    random.nextBytes(material);
    try {
      return fromMaterial(random.nextLong(), material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** The key of this id and these 64 bytes; the caller may wipe its array afterwards. */
  static DataKey fromMaterial(long id, byte[] material) {
    if (material.length != MATERIAL_BYTES) {
      throw new IllegalArgumentException("a data key is " + MATERIAL_BYTES + " bytes, got " + material.length);
    }
    return new DataKey(
        id,
        new SecretKeySpec(material, 0, AesGcm.KEY_BYTES, "AES"),
        new SecretKeySpec(material, AesGcm.KEY_BYTES, AesGcm.KEY_BYTES, "HmacSHA256"));
  }

  /** The 64 bytes, to wrap; the caller should wipe them after use. */
  byte[] material() {
    byte[] material = new byte[MATERIAL_BYTES];
    byte[] encryption = encryptionKey.getEncoded();
    byte[] digest = digestKey.getEncoded();
    System.arraycopy(encryption, 0, material, 0, AesGcm.KEY_BYTES);
    System.arraycopy(digest, 0, material, AesGcm.KEY_BYTES, AesGcm.KEY_BYTES);
    Arrays.fill(encryption, (byte) 0);
    Arrays.fill(digest, (byte) 0);
    return material;
  }

  @Override
  public String toString() {
    return "DataKey[id=" + id + "]";
  }
}
