package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies one consent record in its tenant: the {@code consentReceiptID} of a Kantara receipt.
 * Results that name a person carry the id of the record they relied on.
 *
 * <p>Values are 1 to 128 characters of {@code [A-Za-z0-9._:-]}, starting with a letter or digit; a
 * UUID in practice. Immutable and thread-safe.
 *
 * @param value the identifier
 */
public record ConsentRecordId(String value) implements Comparable<ConsentRecordId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public ConsentRecordId {
    requireNonNull(value, "consent record id");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "consent record id must be 1 to 128 characters of [A-Za-z0-9._:-] starting with a letter or digit");
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static ConsentRecordId of(String value) {
    return new ConsentRecordId(value);
  }

  /** A new random id (a version 4 UUID). */
  public static ConsentRecordId random() {
    return new ConsentRecordId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(ConsentRecordId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
