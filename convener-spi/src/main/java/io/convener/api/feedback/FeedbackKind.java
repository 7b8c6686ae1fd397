package io.convener.api.feedback;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** What a piece of feedback is about. */
public enum FeedbackKind {
  /** A member recommended as a champion or connector. */
  CHAMPION,
  /** A contributor's credit for an outcome in a learning attribution. */
  ATTRIBUTION,
  /** A pulse risk flag: one that names a member, or one about a whole team. */
  RISK;

  /** The name on the command line and in JSON: {@code champion}, {@code attribution}, {@code risk}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind with this wire name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the accepted names when there is none
   */
  public static FeedbackKind of(String name) {
    requireNonNull(name, "kind");
    for (FeedbackKind k : values()) {
      if (k.wireName().equalsIgnoreCase(name.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind must be champion, attribution or risk: '" + name + "'");
  }
}
