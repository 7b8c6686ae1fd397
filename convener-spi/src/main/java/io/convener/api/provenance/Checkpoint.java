package io.convener.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.TenantId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A signed {@link TreeHead}: the size and root hash of a tenant's provenance log, signed with
 * Ed25519, in a text form that a host can export to a separate system and parse back. Holding an
 * earlier checkpoint lets anyone detect a log that was rewritten or cut short since.
 *
 * <p>The text is a C2SP signed note whose body is a C2SP {@code tlog-checkpoint}:
 *
 * <pre>{@code
 * convener/acme
 * 8
 * XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
 * timestamp 2026-11-02T09:00:00.125Z
 *
 * — acme-log-2026 pQk9cq6bT1...
 * }</pre>
 *
 * The signature line is an em dash (U+2014), a space, the key name, a space, and the base64 of the
 * 4-byte key id followed by the 64-byte Ed25519 signature of the body's UTF-8 bytes. The key id is
 * the first four bytes of SHA-256(key name, {@code 0x0A}, {@code 0x01}, the 32-byte public key), as
 * signed-note defines it for Ed25519. Every line ends in {@code \n}; there is exactly one signature.
 *
 * <p>This type only holds and encodes the values; signing and verifying belong to the runtime.
 * Immutable and thread-safe: the constructor and {@link #signature()} copy the array.
 *
 * @param head the signed tree head
 * @param keyName the signer's key name: 1 to 255 characters, no whitespace, no {@code +}
 * @param keyId the signed-note key id of the signing key, big-endian
 * @param signature the 64-byte Ed25519 signature of {@code head.noteText()}
 */
public record Checkpoint(TreeHead head, String keyName, int keyId, byte[] signature) {
  /** The length of an Ed25519 signature in bytes. */
  public static final int SIGNATURE_SIZE = 64;

  private static final String SIGNATURE_PREFIX = "\u2014 ";
  private static final int MAX_KEY_NAME = 255;

  /**
   * Validates and copies the signature.
   *
   * @throws IllegalArgumentException if the key name is not valid or the signature is not 64 bytes
   */
  public Checkpoint {
    requireNonNull(head, "head");
    checkKeyName(keyName);
    requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 signature is " + SIGNATURE_SIZE + " bytes, got " + signature.length);
    }
    signature = signature.clone();
  }

  /**
   * Checks a signed-note key name: 1 to 255 characters, none of them whitespace, a control
   * character or {@code +}.
   *
   * @return the name
   * @throws IllegalArgumentException naming the problem
   */
  public static String checkKeyName(String keyName) {
    requireNonNull(keyName, "keyName");
    if (keyName.isEmpty() || keyName.length() > MAX_KEY_NAME) {
      throw new IllegalArgumentException("key name must be 1 to " + MAX_KEY_NAME + " characters");
    }
    for (int i = 0; i < keyName.length(); i++) {
      char c = keyName.charAt(i);
      if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
          || Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "key name must not contain whitespace, control characters, '+' or non-BMP characters: '"
                + keyName + "'");
      }
    }
    return keyName;
  }

  /** The tenant of the log; same as {@code head().tenant()}. */
  public TenantId tenant() {
    return head.tenant();
  }

  /** The number of entries committed to; same as {@code head().treeSize()}. */
  public long treeSize() {
    return head.treeSize();
  }

  /** The root hash committed to; same as {@code head().root()}. */
  public Sha256Hash root() {
    return head.root();
  }

  /** When the head was taken; same as {@code head().timestamp()}. */
  public Instant timestamp() {
    return head.timestamp();
  }

  /** A copy of the 64-byte Ed25519 signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The key id as 8 lower-case hexadecimal digits, as in a signed-note verifier key. */
  public String keyIdHex() {
    return HexFormat.of().toHexDigits(keyId);
  }

  /** The UTF-8 bytes that the signature covers: {@code head().noteText()}. */
  public byte[] signedBytes() {
    return head.noteText().getBytes(UTF_8);
  }

  /** The checkpoint as signed-note text, as described on the type; ends in a newline. */
  public String toText() {
    byte[] keyIdAndSignature =
        ByteBuffer.allocate(4 + SIGNATURE_SIZE).putInt(keyId).put(signature).array();
    return head.noteText() + '\n' + SIGNATURE_PREFIX + keyName + ' '
        + Base64.getEncoder().encodeToString(keyIdAndSignature) + '\n';
  }

  /**
   * Parses the text that {@link #toText()} writes; accepts nothing else, so that {@code
   * parse(text).toText().equals(text)}. Parsing does not verify the signature.
   *
   * @throws InvalidInputException naming the line and what is wrong with it
   */
  public static Checkpoint parse(String text) {
    requireNonNull(text, "text");
    if (!text.endsWith("\n")) {
      throw invalid(0, "must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 6) {
      throw invalid(0, "must have 6 lines (origin, size, root, timestamp, blank, signature), got "
          + lines.length);
    }
    if (!lines[0].startsWith(TreeHead.ORIGIN_PREFIX)) {
      throw invalid(1, "origin must start with '" + TreeHead.ORIGIN_PREFIX + "'");
    }
    TenantId tenant;
    try {
      tenant = TenantId.of(lines[0].substring(TreeHead.ORIGIN_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw invalid(1, e.getMessage());
    }
    long size = parseSize(lines[1]);
    Sha256Hash root;
    try {
      root = Sha256Hash.fromBase64(lines[2]);
    } catch (IllegalArgumentException e) {
      throw invalid(3, "root: " + e.getMessage());
    }
    if (!lines[3].startsWith(TreeHead.TIMESTAMP_PREFIX)) {
      throw invalid(4, "must be 'timestamp <ISO-8601 instant>'");
    }
    Instant timestamp;
    try {
      timestamp = Instant.parse(lines[3].substring(TreeHead.TIMESTAMP_PREFIX.length()));
    } catch (DateTimeParseException e) {
      throw invalid(4, "timestamp: " + e.getMessage());
    }
    if (!lines[4].isEmpty()) {
      throw invalid(5, "must be blank");
    }
    Checkpoint parsed = parseSignature(new TreeHead(tenant, size, root, timestamp), lines[5]);
    if (!parsed.toText().equals(text)) {
      throw invalid(0, "not in canonical form (timestamp to the millisecond, as Instant.toString writes it)");
    }
    return parsed;
  }

  private static long parseSize(String line) {
    if (line.isEmpty() || line.length() > 19 || !line.chars().allMatch(c -> c >= '0' && c <= '9')
        || (line.length() > 1 && line.charAt(0) == '0')) {
      throw invalid(2, "size must be a decimal number without leading zeros: '" + line + "'");
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw invalid(2, "size out of range: '" + line + "'");
    }
  }

  private static Checkpoint parseSignature(TreeHead head, String line) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw invalid(6, "signature line must start with an em dash (U+2014) and a space");
    }
    String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
    if (parts.length != 2) {
      throw invalid(6, "signature line must be '\u2014 <key name> <base64 signature>'");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalid(6, "signature is not base64");
    }
    if (decoded.length != 4 + SIGNATURE_SIZE) {
      throw invalid(6, "signature must decode to a 4-byte key id and a 64-byte Ed25519 signature, got "
          + decoded.length + " bytes");
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(decoded);
      int keyId = buffer.getInt();
      return new Checkpoint(head, parts[0], keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    } catch (IllegalArgumentException e) {
      throw invalid(6, e.getMessage());
    }
  }

  private static InvalidInputException invalid(long line, String reason) {
    return new InvalidInputException("checkpoint", line, reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Checkpoint c
        && head.equals(c.head)
        && keyName.equals(c.keyName)
        && keyId == c.keyId
        && Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(head, keyName, keyId) * 31 + Arrays.hashCode(signature);
  }

  /** The head, key name and key id; the signature in base64. */
  @Override
  public String toString() {
    return "Checkpoint[head=" + head + ", keyName=" + keyName + ", keyId=" + keyIdHex()
        + ", signature=" + Base64.getEncoder().encodeToString(signature) + "]";
  }
}
