package io.convener.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node in a tenant's organisation tree, written as a slash-separated path such as {@code
 * eng/platform}. A unit rolls up into each of its ancestors: {@code eng/platform} is within {@code
 * eng}.
 *
 * <p>Segments are identifiers (non-blank, no control characters, no surrounding whitespace) and
 * may not be empty, so {@code eng//platform}, {@code /eng} and {@code eng/} are rejected.
 * Immutable and thread-safe.
 *
 * @param path the full path from the root
 */
public record OrgUnit(String path) {
  /** Validates the path; throws {@link IllegalArgumentException} naming the problem. */
  public OrgUnit {
    requireNonNull(path, "org path");
    Ids.check(path, "org path");
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("org path must not have empty segments: '" + path + "'");
      }
      Ids.check(segment, "org path segment");
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static OrgUnit of(String path) {
    return new OrgUnit(path);
  }

  /** The enclosing unit, or empty at the root of the tree. */
  public Optional<OrgUnit> parent() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(new OrgUnit(path.substring(0, slash)));
  }

  /** This unit followed by each ancestor up to the root: {@code a/b/c, a/b, a}. */
  public List<OrgUnit> selfAndAncestors() {
    List<OrgUnit> units = new ArrayList<>();
    for (Optional<OrgUnit> u = Optional.of(this); u.isPresent(); u = u.get().parent()) {
      units.add(u.get());
    }
    return List.copyOf(units);
  }

  /** Whether this unit is {@code other} or lies beneath it. */
  public boolean isWithin(OrgUnit other) {
    return path.equals(other.path) || path.startsWith(other.path + "/");
  }

  @Override
  public String toString() {
    return path;
  }
}
