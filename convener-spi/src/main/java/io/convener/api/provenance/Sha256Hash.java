package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 value of exactly 32 bytes: a leaf hash, a node hash or the root hash of a Merkle tree.
 * Compares by content. Immutable and thread-safe: the constructor and {@link #bytes()} copy.
 */
public final class Sha256Hash implements Comparable<Sha256Hash> {
  /** The length of a SHA-256 value in bytes. */
  public static final int SIZE = 32;

  private final byte[] bytes;

  private Sha256Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A copy of {@code bytes} as a hash.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static Sha256Hash of(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a SHA-256 hash is " + SIZE + " bytes, got " + bytes.length);
    }
    return new Sha256Hash(bytes.clone());
  }

  /**
   * Parses 64 hexadecimal digits, either case.
   *
   * @throws IllegalArgumentException if {@code hex} is not 64 hexadecimal digits
   */
  public static Sha256Hash fromHex(String hex) {
    requireNonNull(hex, "hex");
    if (hex.length() != 2 * SIZE) {
      throw new IllegalArgumentException("a SHA-256 hash is " + 2 * SIZE + " hex digits, got " + hex.length());
    }
    return new Sha256Hash(HexFormat.of().parseHex(hex));
  }

  /**
   * Parses standard base64 with padding (RFC 4648 §4), as in checkpoints.
   *
   * @throws IllegalArgumentException if {@code base64} is not the padded base64 of 32 bytes
   */
  public static Sha256Hash fromBase64(String base64) {
    requireNonNull(base64, "base64");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64: '" + base64 + "'", e);
    }
    if (decoded.length != SIZE || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      throw new IllegalArgumentException("not the base64 of a 32-byte hash: '" + base64 + "'");
    }
    return new Sha256Hash(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Whether this hash equals {@code other}, which may have any length; never throws but on null. */
  public boolean matches(byte[] other) {
    return Arrays.equals(bytes, requireNonNull(other, "other"));
  }

  /** The 64 lower-case hexadecimal digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Standard base64 with padding, 44 characters. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Orders by unsigned bytes, first byte first. */
  @Override
  public int compareTo(Sha256Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Sha256Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The hexadecimal form. */
  @Override
  public String toString() {
    return hex();
  }
}
