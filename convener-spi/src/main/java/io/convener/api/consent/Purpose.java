package io.convener.api.consent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person's data is used for, as a consent record names it: a dotted name such as {@code
 * champion.recommendation}. The set is open: a tenant may use its own purposes, as long as they are
 * well formed, but it must enable them in its {@link ConsentPolicy} first. There is no wildcard
 * purpose: consent is always specific (GDPR recital 32), and no name matches more than itself.
 *
 * <p>A name is 2 to 8 segments joined by dots, each segment a lower-case letter followed by
 * lower-case letters, digits, {@code _} or {@code -}; at most 100 characters in all. Immutable and
 * thread-safe.
 *
 * @param name the dotted name
 */
public record Purpose(String name) implements Comparable<Purpose> {
  /** Longest name accepted. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*){1,7}");

  /** Named among the champions and connectors, recommended as a collaborator, listed in metrics. */
  public static final Purpose CHAMPION_RECOMMENDATION = new Purpose("champion.recommendation");

  /** Named in an individual risk of the pulse (for example {@code SILENT_MEMBER}). */
  public static final Purpose PULSE_INDIVIDUAL = new Purpose("pulse.individual");

  /** Named as a contributor when outcomes are attributed to learning artifacts. */
  public static final Purpose LEARNING_ATTRIBUTION = new Purpose("learning.attribution");

  /** Named as the originator or an adopter in an innovation's lineage. */
  public static final Purpose INNOVATION_ATTRIBUTION = new Purpose("innovation.attribution");

  /** Display name and email shown beside the member's id. */
  public static final Purpose PROFILE_SHARE = new Purpose("profile.share");

  private static final List<Purpose> STANDARD = List.of(
      CHAMPION_RECOMMENDATION, PULSE_INDIVIDUAL, LEARNING_ATTRIBUTION, INNOVATION_ATTRIBUTION, PROFILE_SHARE);

  /**
   * Validates the name.
   *
   * @throws IllegalArgumentException when the name is not a well-formed dotted name (a wildcard
   *     such as {@code *} or {@code champion.*} included)
   * @throws NullPointerException when {@code name} is null
   */
  public Purpose {
    requireNonNull(name, "purpose");
    if (name.length() > MAX_LENGTH || !VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "purpose must be a dotted name such as 'champion.recommendation' (2 to 8 segments of"
              + " [a-z][a-z0-9_-]*, at most " + MAX_LENGTH + " characters, no wildcard): '"
              + shorten(name) + "'");
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static Purpose of(String name) {
    return new Purpose(name);
  }

  /** The five purposes of the Convener contract, in the order the contract lists them. */
  public static List<Purpose> standard() {
    return STANDARD;
  }

  /** Whether this is one of the {@link #standard()} purposes. */
  public boolean isStandard() {
    return STANDARD.contains(this);
  }

  @Override
  public int compareTo(Purpose other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }

  private static String shorten(String name) {
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH) + "...";
  }
}
