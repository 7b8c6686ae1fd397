package io.convener.api;

/**
 * Identifies a member inside one tenant. A MemberId is only meaningful together with its {@link TenantId}:
 * the same value in two tenants names two unrelated members.
 *
 * <p>Values are non-blank, at most 200 characters, without control characters or surrounding
 * whitespace. Immutable and thread-safe.
 *
 * @param value the stable pseudonymous id the host gives the member
 */
public record MemberId(String value) implements Comparable<MemberId> {
  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public MemberId {
    Ids.check(value, "member id");
  }

  /** Same as the constructor; reads better at call sites. */
  public static MemberId of(String value) {
    return new MemberId(value);
  }

  @Override
  public int compareTo(MemberId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
