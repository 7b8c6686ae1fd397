package io.convener.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one input format line by line. Each call to {@link #next()} reads exactly one record, so
 * memory does not grow with the input. Not thread-safe.
 */
interface LineReader extends Closeable {
  /** The next record, or null at the end of the input. */
  @Nullable ParsedLine next() throws IOException;
}
