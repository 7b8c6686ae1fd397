package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** Whether the giver of feedback agrees with the result or disputes it. */
public enum Verdict {
  /** The result is right; recorded and counted, it changes nothing. */
  AGREE,
  /** The result is wrong; until an admin rejects the dispute, later results say so. */
  DISPUTE;

  /** The name on the command line and in JSON: {@code agree} or {@code dispute}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The verdict with this wire name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the accepted names when there is none
   */
  public static Verdict of(String name) {
    requireNonNull(name, "verdict");
    for (Verdict v : values()) {
      if (v.wireName().equalsIgnoreCase(name.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("verdict must be agree or dispute: '" + name + "'");
  }
}
