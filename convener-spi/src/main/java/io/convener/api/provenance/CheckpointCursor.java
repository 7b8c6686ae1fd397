package io.convener.api.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * A position in a tenant's checkpoint feed: the feed lists checkpoints in the order they were
 * signed (by {@link Checkpoint#timestamp()}, then tree size), and a cursor names the last one a
 * reader has seen. Ordering by signing time, not by size, is what lets a witness see a checkpoint
 * of a log that was cut short and rewritten: its size may be smaller than any seen before, but it
 * was signed later. Its text form is {@code <epoch milliseconds>_<tree size>}. Immutable.
 *
 * @param signedAt the checkpoint's timestamp, to the millisecond
 * @param treeSize the checkpoint's tree size, or -1 for {@link #start()}
 */
public record CheckpointCursor(Instant signedAt, long treeSize) implements Comparable<CheckpointCursor> {
  /** Orders positions as the feed lists checkpoints: by signing time, then by size. */
  private static final Comparator<CheckpointCursor> ORDER =
      Comparator.comparing(CheckpointCursor::signedAt).thenComparingLong(CheckpointCursor::treeSize);

  /**
   * Validates and truncates the time to milliseconds.
   *
   * @throws IllegalArgumentException if {@code treeSize} is below -1
   */
  public CheckpointCursor {
    requireNonNull(signedAt, "signedAt");
    if (treeSize < -1) {
      throw new IllegalArgumentException("treeSize must be >= -1, got " + treeSize);
    }
    signedAt = signedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Before every checkpoint: the feed from its beginning. */
  public static CheckpointCursor start() {
    return new CheckpointCursor(Instant.EPOCH, -1);
  }

  /** The position of this checkpoint: the next page starts after it. */
  public static CheckpointCursor of(Checkpoint checkpoint) {
    return new CheckpointCursor(checkpoint.timestamp(), checkpoint.treeSize());
  }

  /** Whether {@code checkpoint} comes after this position in the feed. */
  public boolean precedes(Checkpoint checkpoint) {
    return compareTo(of(checkpoint)) < 0;
  }

  /**
   * Reads the text form {@code <epoch milliseconds>_<tree size>}.
   *
   * @param field the name of the field or parameter that carried it, for the error
   * @throws InvalidInputException naming {@code field} when the text is not a cursor
   */
  public static CheckpointCursor parse(String field, String text) {
    requireNonNull(text, "text");
    int dash = text.indexOf('_');
    try {
      if (dash <= 0) {
        throw new NumberFormatException(text);
      }
      long millis = Long.parseLong(text.substring(0, dash));
      long size = Long.parseLong(text.substring(dash + 1));
      if (millis < 0 || size < -1) {
        throw new NumberFormatException(text);
      }
      return new CheckpointCursor(Instant.ofEpochMilli(millis), size);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "expected <epoch milliseconds>_<tree size>, got '" + text + "'");
    }
  }

  @Override
  public int compareTo(CheckpointCursor other) {
    return ORDER.compare(this, other);
  }

  /** The text form, {@code <epoch milliseconds>_<tree size>}. */
  @Override
  public String toString() {
    return signedAt.toEpochMilli() + "_" + treeSize;
  }
}
