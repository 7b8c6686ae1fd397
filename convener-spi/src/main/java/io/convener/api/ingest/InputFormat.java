package io.convener.api.ingest;

import java.util.Locale;
import java.util.Optional;

/** The interchange formats ingestion reads. */
public enum InputFormat {
  /** One JSON object per line, UTF-8. */
  JSON_LINES,
  /**
   * CSV with a header row of the interchange field names; list fields separated by {@code ;},
   * {@code attrs} as a JSON string.
   */
  CSV;

  /** The format a file name implies: {@code .jsonl}, {@code .ndjson}, {@code .json} or {@code .csv}. */
  public static Optional<InputFormat> forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSON_LINES);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }
}
