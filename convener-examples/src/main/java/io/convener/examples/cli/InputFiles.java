package io.convener.examples.cli;

import io.convener.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files a command line names, so that an unusable one is a usage error (exit 2). */
final class InputFiles {
  private InputFiles() {}

  /**
   * Fails with an {@link InvalidInputException} naming {@code what} (the option or parameter that
   * named the file) unless {@code file} is a file (not a directory) that this process may read.
   */
  static void requireReadable(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(what, "'" + file + "' is a directory; name a file");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(what, "cannot read '" + file + "'");
    }
  }
}
