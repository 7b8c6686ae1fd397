package io.convener.core.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.spi.keys.PersonalValue;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;

/**
 * The text formats of personal values under a member's {@link DataKey}, each a versioned prefix
 * and URL-safe Base64 without padding, so they fit any text column:
 *
 * <ul>
 *   <li>ciphertext {@code ev2:} + Base64({@code keyId[8] || place[8] || nonce[12] || ciphertext ||
 *       tag[16]}), AES-256-GCM over the value {@linkplain Padding padded to its bucket}, with
 *       associated data binding {@code "ev2"}, the tenant, the member, the field and the key id.
 *       {@code place} is the first 8 bytes of SHA-256 over the tenant, the member and the field:
 *       unkeyed, so it proves nothing against a forger, but it tells a ciphertext moved to another
 *       tenant, member or field (an integrity failure) from one made under a member's earlier,
 *       shredded key (which reads as empty) before any key is looked up;
 *   <li>ciphertext {@code ev1:}, read only: the same layout over the unpadded value, bound to
 *       {@code "ev1"}, as written before padding; the label in the binding keeps a ciphertext of
 *       one version from being read as the other;
 *   <li>digest {@code hd1:} + Base64({@code keyId[8] || HMAC-SHA-256[32]}), the HMAC under the data
 *       key's digest half over {@code "hd1"}, the tenant, the member, the field and the value.
 * </ul>
 *
 * <p>Stateless and thread-safe. Messages of the exceptions name the member and field, never a value.
 */
final class SealedValues {
  static final String VALUE_PREFIX = "ev2:";
  static final String UNPADDED_VALUE_PREFIX = "ev1:";
  static final String DIGEST_PREFIX = "hd1:";

  private static final int KEY_ID_BYTES = Long.BYTES;
  private static final int PLACE_BYTES = 8;
  private static final int HEADER_BYTES = KEY_ID_BYTES + PLACE_BYTES;
  private static final int MAC_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SealedValues() {}

  /**
   * A parsed ciphertext.
   *
   * @param keyId the id of the data key it names
   * @param sealed nonce, ciphertext and tag
   * @param padded whether the plaintext is padded ({@code ev2}) or not ({@code ev1})
   */
  record Parsed(long keyId, byte[] sealed, boolean padded) {}

  /** The ciphertext of {@code plaintext.value()}, padded to its bucket, under {@code key}. */
  static String seal(TenantId tenant, PersonalValue plaintext, DataKey key) {
    byte[] sealed = AesGcm.seal(key.encryptionKey(), Padding.pad(plaintext.value().getBytes(UTF_8)),
        valueBinding(VALUE_PREFIX, tenant, plaintext, key.id()));
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + sealed.length)
        .putLong(key.id())
        .put(place(tenant, plaintext))
        .put(sealed);
    return VALUE_PREFIX + ENCODER.encodeToString(out.array());
  }

  /**
   * Reads the key id and sealed bytes of {@code ciphertext.value()}.
   *
   * @throws IntegrityException when it is not a ciphertext of this format, or was made for another
   *     tenant, member or field
   */
  static Parsed parse(TenantId tenant, PersonalValue ciphertext) {
    boolean padded = !ciphertext.value().startsWith(UNPADDED_VALUE_PREFIX);
    byte[] bytes = decode(ciphertext.value(), padded ? VALUE_PREFIX : UNPADDED_VALUE_PREFIX, ciphertext, "ciphertext");
    if (bytes.length < HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
      throw new IntegrityException("the " + what(ciphertext) + " is too short to be a ciphertext");
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(bytes, KEY_ID_BYTES, HEADER_BYTES), place(tenant, ciphertext))) {
      throw new IntegrityException("the ciphertext in " + what(ciphertext)
          + " was made for another tenant, member or field");
    }
    long keyId = ByteBuffer.wrap(bytes).getLong();
    return new Parsed(keyId, Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length), padded);
  }

  /** The first 8 bytes of SHA-256 over the tenant, the member and the field. */
  private static byte[] place(TenantId tenant, PersonalValue value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          Binding.of("ev1-place").text(tenant.value()).text(value.subject().value()).text(value.field()).toBytes());
      return Arrays.copyOf(hash, PLACE_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The plaintext of a parsed ciphertext under its data key.
   *
   * @throws IntegrityException when it was altered or made for another tenant, member or field,
   *     or its padding is malformed (which only a faulty writer holding the key could cause)
   */
  static String open(TenantId tenant, PersonalValue ciphertext, Parsed parsed, DataKey key) {
    String label = parsed.padded() ? VALUE_PREFIX : UNPADDED_VALUE_PREFIX;
    byte[] plaintext;
    try {
      plaintext = AesGcm.open(key.encryptionKey(), parsed.sealed(), valueBinding(label, tenant, ciphertext, key.id()));
    } catch (IntegrityException e) {
      throw new IntegrityException("the " + what(ciphertext) + " failed authentication: altered, or moved from"
          + " another tenant, member or field", e);
    }
    int length = parsed.padded() ? Padding.valueLength(plaintext) : plaintext.length;
    if (length < 0) {
      throw new IntegrityException("the " + what(ciphertext) + " decrypted, but its padding is malformed");
    }
    return new String(plaintext, 0, length, UTF_8);
  }

  /** The digest of {@code plaintext.value()} under {@code key}. */
  static String digest(TenantId tenant, PersonalValue plaintext, DataKey key) {
    ByteBuffer out = ByteBuffer.allocate(KEY_ID_BYTES + MAC_BYTES).putLong(key.id()).put(mac(tenant, plaintext, key));
    return DIGEST_PREFIX + ENCODER.encodeToString(out.array());
  }

  /**
   * The id of the data key a digest names.
   *
   * @throws IntegrityException when it is not a digest of this format
   */
  static long digestKeyId(PersonalValue plaintext, String digest) {
    byte[] bytes = decode(digest, DIGEST_PREFIX, plaintext, "digest");
    if (bytes.length != KEY_ID_BYTES + MAC_BYTES) {
      throw new IntegrityException("the digest of " + what(plaintext) + " has the wrong length");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** Whether {@code digest} is the digest of {@code plaintext} under {@code key}, in constant time. */
  static boolean matches(TenantId tenant, PersonalValue plaintext, String digest, DataKey key) {
    byte[] bytes = decode(digest, DIGEST_PREFIX, plaintext, "digest");
    byte[] expected = ByteBuffer.allocate(KEY_ID_BYTES + MAC_BYTES).putLong(key.id()).put(mac(tenant, plaintext, key)).array();
    return MessageDigest.isEqual(bytes, expected);
  }

  private static byte[] mac(TenantId tenant, PersonalValue plaintext, DataKey key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.digestKey());
      return mac.doFinal(Binding.of("hd1").text(tenant.value()).text(plaintext.subject().value())
          .text(plaintext.field()).text(plaintext.value()).toBytes());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every Java platform", e);
    }
  }

  /** The associated data: the format's label ({@code ev1} or {@code ev2}), then where the value belongs. */
  private static byte[] valueBinding(String prefix, TenantId tenant, PersonalValue value, long keyId) {
    return Binding.of(prefix.substring(0, prefix.length() - 1)).text(tenant.value()).text(value.subject().value()).text(value.field()).number(keyId)
        .toBytes();
  }

  private static byte[] decode(String text, String prefix, PersonalValue value, String kind) {
    if (!text.startsWith(prefix)) {
      throw new IntegrityException("the " + kind + " of " + what(value) + " is not one Convener made (no '"
          + prefix + "' prefix); personal data stored before encryption at rest must be written again");
    }
    try {
      return DECODER.decode(text.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw new IntegrityException("the " + kind + " of " + what(value) + " is not valid Base64", e);
    }
  }

  private static String what(PersonalValue value) {
    return "field '" + value.field() + "' of member '" + value.subject() + "'";
  }
}
