package io.convener.core.internal.crypto;

import java.util.Arrays;

/**
 * Pads a plaintext to a bucket before encryption, so a ciphertext tells only the bucket of its
 * value's length, not the length: ISO/IEC 7816-4 padding (one {@code 0x80} byte, then zeros) up
 * to the smallest bucket that holds the value and the marker. Buckets are 32, 64, 128, … 4096
 * bytes, then multiples of 4096: a name or an email of up to 31 UTF-8 bytes all look alike, and
 * padding never more than doubles a value (nor adds more than 4 KiB to a large one). The padding
 * describes itself, so reading needs no length. Stateless.
 */
final class Padding {
  /** The smallest bucket. */
  static final int MIN_BUCKET = 32;

  /** Above this, buckets grow by this much instead of doubling. */
  static final int LINEAR_STEP = 4096;

  private static final byte MARKER = (byte) 0x80;

  private Padding() {}

  /** The padded length of a value of {@code length} bytes. */
  static int bucket(int length) {
    int needed = length + 1;
    if (needed > LINEAR_STEP) {
      return Math.multiplyExact((needed + LINEAR_STEP - 1) / LINEAR_STEP, LINEAR_STEP);
    }
    return Math.max(MIN_BUCKET, Integer.highestOneBit(needed - 1) << 1);
  }

  /** {@code value}, the marker, and zeros up to its bucket. */
  static byte[] pad(byte[] value) {
    byte[] padded = Arrays.copyOf(value, bucket(value.length));
    padded[value.length] = MARKER;
    return padded;
  }

  /** The length of the value inside a padded plaintext, or -1 when the padding is not well formed. */
  static int valueLength(byte[] padded) {
    int i = padded.length - 1;
    while (i >= 0 && padded[i] == 0) {
      i--;
    }
    return i >= 0 && padded[i] == MARKER ? i : -1;
  }
}
