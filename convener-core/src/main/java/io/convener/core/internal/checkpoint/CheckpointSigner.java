package io.convener.core.internal.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.TreeHead;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs tree heads into {@link Checkpoint}s with Ed25519, as C2SP signed-note specifies: the
 * signature covers the UTF-8 bytes of {@link TreeHead#noteText()}, and the key id is the first four
 * bytes of SHA-256(key name, {@code 0x0A}, {@code 0x01}, raw public key). Stateless and
 * thread-safe.
 */
public final class CheckpointSigner {
  /** The signed-note signature type of Ed25519. */
  private static final byte ED25519_TYPE = 0x01;

  private CheckpointSigner() {}

  /**
   * Signs {@code head} with the private key of {@code keys} under {@code keyName}.
   *
   * @param keyName the signed-note key name, for example {@code acme-provenance-2026}; see {@link
   *     Checkpoint#checkKeyName(String)}
   * @param keys an Ed25519 key pair; the public key gives the key id
   * @throws IllegalArgumentException if the key name is not valid or the keys are not Ed25519
   */
  public static Checkpoint sign(TreeHead head, String keyName, KeyPair keys) {
    requireNonNull(head, "head");
    requireNonNull(keys, "keys");
    Checkpoint.checkKeyName(keyName);
    int keyId = keyId(keyName, keys.getPublic());
    byte[] signature = Ed25519.sign(keys.getPrivate(), head.noteText().getBytes(UTF_8));
    return new Checkpoint(head, keyName, keyId, signature);
  }

  /**
   * The signed-note key id of an Ed25519 key under {@code keyName}: the first four bytes, big-endian,
   * of SHA-256(key name, {@code 0x0A}, {@code 0x01}, raw public key).
   *
   * @throws IllegalArgumentException if the key name is not valid or the key is not Ed25519
   */
  public static int keyId(String keyName, PublicKey key) {
    Checkpoint.checkKeyName(keyName);
    byte[] raw = Ed25519.rawPublicKey(key);
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    sha256.update(keyName.getBytes(UTF_8));
    sha256.update((byte) '\n');
    sha256.update(ED25519_TYPE);
    sha256.update(raw);
    return ByteBuffer.wrap(sha256.digest()).getInt();
  }

  /**
   * The signed-note verifier key, the one line a witness or an auditor needs to check the
   * checkpoints: {@code <key name>+<key id in hex>+<base64(0x01 || raw public key)>}.
   *
   * @throws IllegalArgumentException if the key name is not valid or the key is not Ed25519
   */
  public static String verifierKey(String keyName, PublicKey key) {
    byte[] raw = Ed25519.rawPublicKey(key);
    byte[] typed = new byte[1 + raw.length];
    typed[0] = ED25519_TYPE;
    System.arraycopy(raw, 0, typed, 1, raw.length);
    return keyName + '+' + HexFormat.of().toHexDigits(keyId(keyName, key)) + '+'
        + Base64.getEncoder().encodeToString(typed);
  }
}
