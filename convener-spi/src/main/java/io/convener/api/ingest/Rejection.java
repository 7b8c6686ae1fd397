package io.convener.api.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One line that was not taken, and why.
 *
 * @param line 1-based line number in the input (for CSV, the line where the record starts)
 * @param field the offending field, when the problem is tied to one
 * @param reason what is wrong, for people
 */
public record Rejection(long line, Optional<String> field, String reason) {
  /** Validates. */
  public Rejection {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }

  /** The reason with its field, as one line: {@code actor: required}. */
  public String describe() {
    return field.map(f -> f + ": " + reason).orElse(reason);
  }
}
