package io.convener.spi.keys;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.util.regex.Pattern;

/**
 * One personal value of one member, as {@link PersonalDataCipher} takes it: the plaintext to
 * encrypt or digest, or the ciphertext to decrypt, as the method says. The subject and the field
 * are bound to the ciphertext, so a ciphertext copied to another member or field does not decrypt.
 * Immutable; {@link #toString()} never shows the value.
 *
 * @param subject the member the value belongs to
 * @param field which of the member's values this is, such as {@link PersonalDataCipher#EMAIL}: 1
 *     to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter
 * @param value the plaintext or the ciphertext
 */
public record PersonalValue(MemberId subject, String field, String value) {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  /** Validates; throws {@link IllegalArgumentException} for a field name out of its syntax. */
  public PersonalValue {
    requireNonNull(subject, "subject");
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException(
          "field must be 1 to 64 characters of [A-Za-z0-9._-] starting with a letter: '" + field + "'");
    }
  }

  /** Same as the constructor. */
  public static PersonalValue of(MemberId subject, String field, String value) {
    return new PersonalValue(subject, field, value);
  }

  /** The subject and the field; never the value. */
  @Override
  public String toString() {
    return "PersonalValue[subject=" + subject + ", field=" + field + ", value=(" + value.length() + " chars)]";
  }
}
