package io.convener.core.internal.merkle;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 §2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an inner
 * node {@code SHA-256(0x01 || left || right)}, and the empty tree {@code SHA-256("")}. The prefixes
 * keep a leaf from passing for a node (second-preimage resistance).
 *
 * <p>Stateless and thread-safe; each thread reuses one {@link MessageDigest}. Returned arrays are
 * fresh and belong to the caller.
 */
public final class MerkleHash {
  /** Bytes in a SHA-256 hash. */
  public static final int SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final byte[] EMPTY_ROOT = sha256().digest();
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHash::sha256);

  private MerkleHash() {}

  /** The root hash of the empty tree, {@code SHA-256("")}: {@code e3b0c442...7852b855}. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** The leaf hash of an entry: {@code SHA-256(0x00 || data)}. */
  public static byte[] leafHash(byte[] data) {
    requireNonNull(data, "data");
    MessageDigest md = DIGEST.get();
    md.update(LEAF_PREFIX);
    md.update(data);
    return md.digest();
  }

  /**
   * The hash of an inner node: {@code SHA-256(0x01 || left || right)}.
   *
   * @throws IllegalArgumentException if either child is not 32 bytes
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    requireHash(left, "left");
    requireHash(right, "right");
    MessageDigest md = DIGEST.get();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /**
   * Checks that {@code hash} is 32 bytes.
   *
   * @return the hash
   * @throws IllegalArgumentException naming {@code what} if it is not
   */
  static byte[] requireHash(byte[] hash, String what) {
    requireNonNull(hash, what);
    if (hash.length != SIZE) {
      throw new IllegalArgumentException(what + " must be a " + SIZE + "-byte hash, got " + hash.length + " bytes");
    }
    return hash;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
