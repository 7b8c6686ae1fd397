package io.convener.api;

/**
 * Identifies a team inside one tenant. A TeamId is only meaningful together with its {@link TenantId}:
 * the same value in two tenants names two unrelated teams.
 *
 * <p>Values are non-blank, at most 200 characters, without control characters or surrounding
 * whitespace. Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 */
public record TeamId(String value) implements Comparable<TeamId> {
  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public TeamId {
    Ids.check(value, "team id");
  }

  /** Same as the constructor; reads better at call sites. */
  public static TeamId of(String value) {
    return new TeamId(value);
  }

  @Override
  public int compareTo(TeamId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
