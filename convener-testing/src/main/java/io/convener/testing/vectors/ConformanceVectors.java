package io.convener.testing.vectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the conformance vectors folder: the system property {@code convener.vectors} or the
 * environment variable {@code CONVENER_VECTORS} when set, else the first {@code shared/vectors}
 * found beside the checkout, looking upwards from the working directory. Tests call {@link
 * #require(String)}, which skips the test with a message saying what is missing when the folder
 * is absent (a plain clone elsewhere).
 */
public final class ConformanceVectors {
  private ConformanceVectors() {}

  /** The vectors folder, if it can be found. */
  public static Optional<Path> root() {
    String configured = System.getProperty("convener.vectors", System.getenv("CONVENER_VECTORS"));
    if (configured != null) {
      Path p = Path.of(configured);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("vectors");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The file or folder {@code relative} inside the vectors folder; skips the calling test (a JUnit
   * assumption) when it is absent, naming what was looked for.
   */
  public static Path require(String relative) {
    Optional<Path> root = root();
    assumeTrue(root.isPresent(),
        "conformance vectors not found (shared/vectors beside the checkout, or -Dconvener.vectors=DIR): skipping " + relative);
    Path p = root.get().resolve(relative);
    assumeTrue(Files.exists(p), "conformance vector " + relative + " not found under " + root.get() + ": skipping");
    return p;
  }
}
