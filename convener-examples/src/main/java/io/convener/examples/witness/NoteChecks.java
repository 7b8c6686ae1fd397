package io.convener.examples.witness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.Sha256Hash;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The witness's own checks, written from the specifications rather than taken from Convener: a
 * C2SP signed-note verifier key and an Ed25519 signature over a checkpoint's body, and RFC 9162
 * §2.1.4.2's verification of a consistency proof. Stateless and thread-safe.
 */
public final class NoteChecks {
  /** The signed-note key type of Ed25519. */
  private static final byte ED25519 = 0x01;
  /** The DER prefix of an X.509 SubjectPublicKeyInfo of a raw 32-byte Ed25519 key (RFC 8410). */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private NoteChecks() {}

  /**
   * A parsed verifier key, {@code <name>+<key id hex>+<base64(0x01 || key)>}.
   *
   * @param name the key name a checkpoint's signature line must carry
   * @param keyId the key id a checkpoint's signature must carry
   * @param key the Ed25519 public key
   */
  public record VerifierKey(String name, int keyId, PublicKey key) {}

  /**
   * Reads a verifier key and checks that its key id is the one its name and key give.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static VerifierKey parseKey(String text) {
    String[] parts = requireNonNull(text, "text").split("\\+", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 8) {
      throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>, got '" + text + "'");
    }
    byte[] typed;
    int keyId;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
      keyId = (int) Long.parseLong(parts[1], 16);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the verifier key '" + text + "' is not <name>+<hex>+<base64>");
    }
    if (typed.length != 33 || typed[0] != ED25519) {
      throw new IllegalArgumentException("the verifier key '" + text + "' is not an Ed25519 key");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
    byte[] id = sha256(parts[0].getBytes(UTF_8), new byte[] {'\n', ED25519}, raw);
    if (ByteBuffer.wrap(id).getInt() != keyId) {
      throw new IllegalArgumentException("the verifier key '" + text + "' has a key id that does not match its key");
    }
    try {
      byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
      System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
      return new VerifierKey(parts[0], keyId, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the verifier key '" + text + "' is not a valid Ed25519 key");
    }
  }

  /** Whether {@code checkpoint} carries a valid signature of {@code key} (name, key id and bytes). */
  public static boolean signedBy(Checkpoint checkpoint, VerifierKey key) {
    byte[] signature = checkpoint.signature();
    if (!checkpoint.keyName().equals(key.name()) || checkpoint.keyId() != key.keyId() || signature.length != 64) {
      return false;
    }
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key.key());
      ed25519.update(checkpoint.signedBytes());
      return ed25519.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * RFC 9162 §2.1.4.2: whether {@code proof} shows that the tree of {@code size1} leaves with root
   * {@code root1} is a prefix of the tree of {@code size2} leaves with root {@code root2}.
   * Needs {@code 0 < size1 <= size2}.
   */
  public static boolean consistent(long size1, long size2, List<Sha256Hash> proof, Sha256Hash root1, Sha256Hash root2) {
    if (size1 <= 0 || size1 > size2) {
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && root1.equals(root2);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>();
    if (Long.bitCount(size1) == 1) {
      path.add(root1.bytes());
    }
    proof.forEach(h -> path.add(h.bytes()));
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = node(c, fr);
        sr = node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, root1.bytes()) && Arrays.equals(sr, root2.bytes());
  }

  private static byte[] node(byte[] left, byte[] right) {
    return sha256(new byte[] {0x01}, left, right);
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        digest.update(p);
      }
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
