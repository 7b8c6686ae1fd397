package io.convener.core.internal.crypto;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as Convener uses it: 256-bit keys, 96-bit nonces, 128-bit tags, on the JDK's {@code
 * AES/GCM/NoPadding}. {@link #seal} draws a fresh random nonce for every message and puts it in
 * front of the ciphertext; with random 96-bit nonces NIST SP 800-38D allows about 2<sup>32</sup>
 * messages per key, far more than a member's data key ever sees. A {@code Cipher} is made per
 * call, so the class is stateless and thread-safe.
 */
public final class AesGcm {
  /** Key length in bytes: AES-256. */
  public static final int KEY_BYTES = 32;

  /** Nonce length in bytes: the 96 bits GCM is designed for. */
  public static final int NONCE_BYTES = 12;

  /** Tag length in bytes: the full 128 bits. */
  public static final int TAG_BYTES = 16;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {}

  /**
   * Encrypts under a fresh random nonce.
   *
   * @return {@code nonce || ciphertext || tag}
   * @throws IllegalArgumentException when the key is not a 256-bit AES key
   */
  public static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] ciphertext = encrypt(key, nonce, plaintext, associatedData);
    byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
    System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
    System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
    return sealed;
  }

  /**
   * Decrypts what {@link #seal} made, checking the tag over the ciphertext and the associated data.
   *
   * @throws IntegrityException when the input is too short, was altered, or was sealed under
   *     another key or other associated data
   * @throws IllegalArgumentException when the key is not a 256-bit AES key
   */
  public static byte[] open(SecretKey key, byte[] sealed, byte[] associatedData) {
    requireNonNull(sealed, "sealed");
    if (sealed.length < NONCE_BYTES + TAG_BYTES) {
      throw new IntegrityException("AES-GCM ciphertext is " + sealed.length + " bytes, shorter than nonce and tag");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
    byte[] ciphertext = new byte[sealed.length - NONCE_BYTES];
    System.arraycopy(sealed, NONCE_BYTES, ciphertext, 0, ciphertext.length);
    return decrypt(key, nonce, ciphertext, associatedData);
  }

  /**
   * The primitive with a caller's nonce, which must never repeat under one key.
   *
   * @return {@code ciphertext || tag}
   * @throws IllegalArgumentException when the key is not a 256-bit AES key or the nonce not 96 bits
   */
  static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
    checkSizes(key, nonce);
    requireNonNull(plaintext, "plaintext");
    try {
      return transform(Cipher.ENCRYPT_MODE, key, nonce, plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every Java platform", e);
    }
  }

  /**
   * The inverse of {@link #encrypt}.
   *
   * @throws IntegrityException when the tag does not verify
   * @throws IllegalArgumentException when the key is not a 256-bit AES key or the nonce not 96 bits
   */
  static byte[] decrypt(SecretKey key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
    checkSizes(key, nonce);
    requireNonNull(ciphertextAndTag, "ciphertextAndTag");
    if (ciphertextAndTag.length < TAG_BYTES) {
      throw new IntegrityException("AES-GCM ciphertext is shorter than its tag");
    }
    try {
      return transform(Cipher.DECRYPT_MODE, key, nonce, ciphertextAndTag, associatedData);
    } catch (AEADBadTagException e) {
      throw new IntegrityException("AES-GCM ciphertext failed authentication: altered, or not for this key and binding", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every Java platform", e);
    }
  }

  /**
   * The lowest level, without Convener's size rules: any key and IV size the JDK accepts, 128-bit
   * tags. {@link #encrypt} and {@link #decrypt} are this with 256-bit keys and 96-bit nonces.
   *
   * @throws AEADBadTagException when decryption fails authentication
   * @throws GeneralSecurityException when the JDK rejects the key or the IV
   */
  static byte[] transform(int mode, SecretKey key, byte[] iv, byte[] input, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * Byte.SIZE, iv));
    cipher.updateAAD(requireNonNull(associatedData, "associatedData"));
    return cipher.doFinal(input);
  }

  /** A 256-bit AES key of these bytes; the caller may wipe its array afterwards. */
  public static SecretKey key(byte[] material) {
    if (material.length != KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key is " + KEY_BYTES + " bytes, got " + material.length);
    }
    return new SecretKeySpec(material, "AES");
  }

  private static void checkSizes(SecretKey key, byte[] nonce) {
    requireNonNull(key, "key");
    requireNonNull(nonce, "nonce");
    byte[] encoded = key.getEncoded();
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
      throw new IllegalArgumentException("the key is not a 256-bit AES key");
    }
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("the nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
    }
  }
}
