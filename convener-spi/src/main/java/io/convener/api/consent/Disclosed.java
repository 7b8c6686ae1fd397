package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import java.util.Objects;

/**
 * A value about one person that may be shown for one purpose, because that person's consent
 * record for exactly that purpose granted it, unexpired, when the value was filtered. Result types
 * name people only through such values (a person field is a {@code Disclosed<MemberId>}), so a
 * service that forgets the consent gate cannot build its result: the constructor is not public,
 * and {@link ConsentFilter} alone mints instances.
 *
 * <p>The value is what is disclosed about the {@link #subject()}: for a {@code Disclosed<MemberId>}
 * it is the subject's id itself; for other types (for example a member's profile under {@link
 * Purpose#PROFILE_SHARE}) the filter checked that the value belongs to the subject. A value must
 * not name anybody else. Immutable and thread-safe when the value is.
 *
 * @param <T> the type of the disclosed value
 */
public final class Disclosed<T> {
  private final T value;
  private final MemberId subject;
  private final Purpose purpose;
  private final ConsentRecordId record;

  /** Only {@link ConsentFilter} calls this, after checking the record. */
  Disclosed(T value, MemberId subject, Purpose purpose, ConsentRecordId record) {
    this.value = requireNonNull(value, "value");
    this.subject = requireNonNull(subject, "subject");
    this.purpose = requireNonNull(purpose, "purpose");
    this.record = requireNonNull(record, "record");
  }

  /** The disclosed value; for a {@code Disclosed<MemberId>}, the person's id. */
  public T value() {
    return value;
  }

  /** The person the value is about, whose consent was relied on. */
  public MemberId subject() {
    return subject;
  }

  /** The purpose the value may be shown for, and only that one. */
  public Purpose purpose() {
    return purpose;
  }

  /** The consent record relied on: the receipt that authorised showing the value. */
  public ConsentRecordId record() {
    return record;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Disclosed<?> d
        && value.equals(d.value)
        && subject.equals(d.subject)
        && purpose.equals(d.purpose)
        && record.equals(d.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, subject, purpose, record);
  }

  @Override
  public String toString() {
    return "Disclosed[" + value + " for " + purpose + " under " + record + "]";
  }
}
