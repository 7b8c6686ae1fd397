package io.convener.core.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The canonical bytes of what a ciphertext, wrapped key or digest is bound to (the associated
 * data of AES-GCM, the input of an HMAC): a label naming the format and version, then each part in
 * order, strings as a 4-byte big-endian length and their UTF-8 bytes, numbers in fixed width. No
 * two different sequences of parts encode to the same bytes, so nothing bound to one tenant,
 * member or field verifies for another. Not thread-safe; make one per use.
 */
final class Binding {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);

  private Binding(String label) {
    text(label);
  }

  /** A binding that starts with this label, such as {@code "ev1"}. */
  static Binding of(String label) {
    return new Binding(label);
  }

  /** Appends a string, length-prefixed. */
  Binding text(String value) {
    byte[] utf8 = value.getBytes(UTF_8);
    bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
    bytes.writeBytes(utf8);
    return this;
  }

  /** Appends 8 bytes, big-endian. */
  Binding number(long value) {
    bytes.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    return this;
  }

  /** Appends 4 bytes, big-endian. */
  Binding number(int value) {
    bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    return this;
  }

  /** The bytes so far. */
  byte[] toBytes() {
    return bytes.toByteArray();
  }
}
