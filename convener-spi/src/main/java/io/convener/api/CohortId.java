package io.convener.api;

/**
 * Identifies a cohort inside one tenant. A CohortId is only meaningful together with its {@link TenantId}:
 * the same value in two tenants names two unrelated cohorts.
 *
 * <p>Values are non-blank, at most 200 characters, without control characters or surrounding
 * whitespace. Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 */
public record CohortId(String value) implements Comparable<CohortId> {
  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public CohortId {
    Ids.check(value, "cohort id");
  }

  /** Same as the constructor; reads better at call sites. */
  public static CohortId of(String value) {
    return new CohortId(value);
  }

  @Override
  public int compareTo(CohortId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
