package io.convener.api;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Identifies a tenant: one organisation whose data Convener keeps apart from every other's. Every
 * service and storage call takes a TenantId as its first argument.
 *
 * <p>Values are 1 to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter or digit, so
 * that they are safe in file names, log lines and URLs. Immutable and thread-safe.
 *
 * @param value the tenant's identifier
 */
public record TenantId(String value) implements Comparable<TenantId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public TenantId {
    requireNonNull(value, "tenant id");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "tenant id must be 1 to 64 characters of [A-Za-z0-9._-] starting with a letter or digit: '"
              + value + "'");
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
