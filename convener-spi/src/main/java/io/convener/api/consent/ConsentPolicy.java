package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's organisation-level consent policy: which purposes the tenant enables at all. A
 * purpose the policy does not enable is denied for everybody, whatever their own records say; the
 * records are kept, and count again if the purpose is enabled later. A tenant that never set a
 * policy has {@link #defaults()}. Immutable and thread-safe.
 *
 * @param enabled the purposes the tenant uses; may be empty (then nobody is named for any purpose)
 */
public record ConsentPolicy(Set<Purpose> enabled) {
  /**
   * The purpose under which a member agrees to be told directly of what asks for them or concerns
   * their work (approval requests above all); the same purpose as {@code
   * io.convener.api.notify.NotificationDraft.DIRECT}.
   */
  public static final Purpose NOTIFICATION_DIRECT = Purpose.of("notification.direct");

  private static final ConsentPolicy DEFAULTS = defaultPolicy();

  /** Validates and copies; iteration is in name order. */
  public ConsentPolicy {
    enabled = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(enabled, "enabled")));
  }

  private static ConsentPolicy defaultPolicy() {
    Set<Purpose> enabled = new TreeSet<>(Purpose.standard());
    enabled.add(NOTIFICATION_DIRECT);
    return new ConsentPolicy(enabled);
  }

  /**
   * The policy of a tenant that never set one: the five {@link Purpose#standard()} purposes and
   * {@link #NOTIFICATION_DIRECT} are enabled, others are not, so that a member can opt in to being
   * told of approval requests about them without Java code. Members still decide for themselves:
   * default deny holds per member.
   */
  public static ConsentPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that enables exactly these purposes. */
  public static ConsentPolicy enabling(Purpose... purposes) {
    return new ConsentPolicy(new TreeSet<>(Arrays.asList(purposes)));
  }

  /** Whether the tenant uses this purpose. */
  public boolean enables(Purpose purpose) {
    return enabled.contains(requireNonNull(purpose, "purpose"));
  }
}
