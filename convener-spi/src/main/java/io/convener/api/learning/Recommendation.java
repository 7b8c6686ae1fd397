package io.convener.api.learning;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One learning artifact a plan recommends, and why: the tags of the plan's recent and planned work
 * it matches, how many other people applied it before the plan was made (the ones who consent to
 * {@code learning.attribution} are named, the others only counted), and how many outcomes name an
 * application of it. Immutable.
 *
 * @param artifact the {@code learning} event
 * @param score the ranking score, higher first; comparable only within one plan
 * @param matchedTags the artifact's tags found in the recent work, rarest first
 * @param plannedTags the artifact's tags among the plan tags
 * @param appliedBy how many people outside the plan applied it (named and withheld)
 * @param namedAppliers those of them who consent to being named, by id
 * @param outcomes how many outcomes name the artifact or an application of it
 */
public record Recommendation(
    EventId artifact, double score, List<String> matchedTags, List<String> plannedTags, int appliedBy,
    List<Disclosed<MemberId>> namedAppliers, int outcomes) {
  /** Validates and copies. */
  public Recommendation {
    requireNonNull(artifact, "artifact");
    if (!(score >= 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
    }
    matchedTags = List.copyOf(requireNonNull(matchedTags, "matchedTags"));
    plannedTags = List.copyOf(requireNonNull(plannedTags, "plannedTags"));
    if (matchedTags.isEmpty() && plannedTags.isEmpty()) {
      throw new IllegalArgumentException("a recommendation matches at least one tag");
    }
    namedAppliers = List.copyOf(requireNonNull(namedAppliers, "namedAppliers"));
    for (Disclosed<MemberId> d : namedAppliers) {
      if (!d.purpose().equals(Purpose.LEARNING_ATTRIBUTION)) {
        throw new IllegalArgumentException("appliers must be disclosed for learning.attribution, not " + d.purpose());
      }
    }
    if (appliedBy < namedAppliers.size() || outcomes < 0) {
      throw new IllegalArgumentException("appliedBy must count the named appliers and outcomes be >= 0, got "
          + appliedBy + " and " + outcomes);
    }
  }

  /** The appliers not named, for lack of consent. */
  public int withheldAppliers() {
    return appliedBy - namedAppliers.size();
  }

  /** The explanation in one line, such as "matches sql, caching; planned kafka; applied by 3 (bo named); 1 outcome". */
  public String reason() {
    List<String> parts = new ArrayList<>();
    if (!matchedTags.isEmpty()) {
      parts.add("matches recent work in " + String.join(", ", matchedTags));
    }
    if (!plannedTags.isEmpty()) {
      parts.add("matches planned work in " + String.join(", ", plannedTags));
    }
    String applied = "applied by " + appliedBy + (appliedBy == 1 ? " other" : " others");
    if (!namedAppliers.isEmpty()) {
      applied += " (" + String.join(", ", namedAppliers.stream().map(d -> d.value().value()).toList())
          + (withheldAppliers() > 0 ? " and " + withheldAppliers() + " not named" : "") + ")";
    }
    parts.add(applied);
    if (outcomes > 0) {
      parts.add(String.format(Locale.ROOT, "named by %d outcome%s", outcomes, outcomes == 1 ? "" : "s"));
    }
    return String.join("; ", parts);
  }
}
