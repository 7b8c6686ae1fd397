package io.convener.core.innovation;

import io.convener.api.TeamId;
import io.convener.api.model.Event;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The practices an event shows: its {@code tags} (on an {@code endorsement} these are the skills
 * vouched for) and the strings of {@code attrs.practice}, {@code attrs.practices} and {@code
 * attrs.skills} (a string or a list of strings). Each is normalised: trimmed and lower-cased
 * (root locale); blank values, values longer than {@value #MAX_LENGTH} characters and values with
 * control characters are skipped. Declared member skills carry no time, so they cannot show where
 * a practice started and are not read. Stateless.
 */
final class PracticeTerms {
  /** The longest practice kept. */
  static final int MAX_LENGTH = 100;

  private static final List<String> ATTRS = List.of("practice", "practices", "skills");

  private PracticeTerms() {}

  /** The event's practices, without repeats, in the order found. */
  static Set<String> of(Event e) {
    Set<String> terms = new LinkedHashSet<>();
    for (String tag : e.tags()) {
      normalise(tag).ifPresent(terms::add);
    }
    if (!e.attrs().isEmpty()) {
      for (String key : ATTRS) {
        Object value = e.attrs().get(key).orElse(null);
        if (value instanceof String s) {
          normalise(s).ifPresent(terms::add);
        } else if (value instanceof List<?> list) {
          for (Object item : list) {
            if (item instanceof String s) {
              normalise(s).ifPresent(terms::add);
            }
          }
        }
      }
    }
    return terms;
  }

  /**
   * The team a use counts for: the team of the person who used the practice, not the place they
   * posted in. That is the event's {@code team} when the actor belongs to it (or the actor's teams
   * are unknown), else the actor's first team; empty when neither is known.
   */
  static Optional<TeamId> teamOf(Event e, List<TeamId> actorTeams) {
    if (e.team().isPresent() && (actorTeams.isEmpty() || actorTeams.contains(e.team().get()))) {
      return e.team();
    }
    return actorTeams.stream().findFirst();
  }

  /** The normalised practice, or empty when the value cannot be one. */
  static Optional<String> normalise(String raw) {
    String t = raw.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.length() > MAX_LENGTH || t.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(t);
  }
}
