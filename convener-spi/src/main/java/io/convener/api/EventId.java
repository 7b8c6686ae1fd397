package io.convener.api;

/**
 * Identifies an event inside one tenant. An EventId is only meaningful together with its {@link TenantId}:
 * the same value in two tenants names two unrelated events.
 *
 * <p>Values are non-blank, at most 200 characters, without control characters or surrounding
 * whitespace. Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 */
public record EventId(String value) implements Comparable<EventId> {
  /** Validates the value; throws {@link IllegalArgumentException} naming the problem. */
  public EventId {
    Ids.check(value, "event id");
  }

  /** Same as the constructor; reads better at call sites. */
  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public int compareTo(EventId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
