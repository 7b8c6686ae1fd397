package io.convener.core.internal.checkpoint;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider, and the raw 32-byte public keys that signed
 * notes use. Key objects are plain JDK keys ({@code KeyPairGenerator.getInstance("Ed25519")}, a
 * {@code KeyProvider}, a key store). Stateless and thread-safe.
 */
public final class Ed25519 {
  /** Bytes in a raw Ed25519 public key. */
  public static final int PUBLIC_KEY_SIZE = 32;

  /** Bytes in an Ed25519 signature. */
  public static final int SIGNATURE_SIZE = 64;

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the raw key. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final String ALGORITHM = "Ed25519";

  private Ed25519() {}

  /**
   * The raw 32-byte form of an Ed25519 public key.
   *
   * @throws IllegalArgumentException if {@code key} is not an Ed25519 public key
   */
  public static byte[] rawPublicKey(PublicKey key) {
    requireNonNull(key, "key");
    byte[] der = key.getEncoded();
    if (der == null || der.length != SPKI_PREFIX.length + PUBLIC_KEY_SIZE
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
  }

  /**
   * The JDK public key for a raw 32-byte Ed25519 key.
   *
   * @throws IllegalArgumentException if {@code raw} is not 32 bytes or not a key the JDK accepts
   */
  public static PublicKey publicKey(byte[] raw) {
    requireNonNull(raw, "raw");
    if (raw.length != PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
    }
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_SIZE);
    System.arraycopy(raw, 0, der, SPKI_PREFIX.length, PUBLIC_KEY_SIZE);
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 15 and later have Ed25519", e);
    }
  }

  /**
   * The 64-byte Ed25519 signature of {@code message}.
   *
   * @throws IllegalArgumentException if {@code key} is not an Ed25519 private key
   */
  public static byte[] sign(PrivateKey key, byte[] message) {
    requireNonNull(key, "key");
    requireNonNull(message, "message");
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. A
   * signature of the wrong length or encoding is simply not valid: false, never an exception.
   *
   * <p>The length is checked here, before the JDK sees the signature: Java 17's provider accepts a
   * valid signature with a zero byte appended (Wycheproof ed25519 tcId 37, "appending 0 byte to
   * signature"), which RFC 8032 §5.1.7 does not.
   *
   * @throws IllegalArgumentException if {@code key} is not an Ed25519 public key
   */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    requireNonNull(key, "key");
    requireNonNull(message, "message");
    requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    Signature verifier;
    try {
      verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 15 and later have Ed25519", e);
    }
    try {
      verifier.update(message);
      return verifier.verify(signature);
    } catch (SignatureException | RuntimeException e) {
      return false; // a malformed signature is an invalid one
    }
  }
}
