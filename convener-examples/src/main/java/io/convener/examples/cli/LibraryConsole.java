package io.convener.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What libraries print straight to {@code System.out} and {@code System.err}, sent line by line to
 * the log at debug level instead. Some drivers write there without asking: H2, failing to open its
 * trace file next to a database it cannot create, prints the error to stdout and its stack trace
 * to stderr. The command's own output and error lines keep the real streams, so stdout carries
 * only the command's output and stderr one line per error. The log itself is configured (in {@code
 * simplelogger.properties}) to keep the real stderr it found when it started; anything printed
 * while a line is being logged goes there too, so that the two never loop. Thread-safe.
 */
final class LibraryConsole extends OutputStream {
  private static final Logger log = LoggerFactory.getLogger(LibraryConsole.class);

  private final PrintStream real;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean logging;

  private LibraryConsole(PrintStream real) {
    this.real = real;
  }

  /**
   * Points {@code System.out} and {@code System.err} at the log, and returns the real streams:
   * {@code [stdout, stderr]}.
   */
  static PrintStream[] install() {
    log.trace("taking over System.out and System.err"); // starts the log on the real stderr first
    PrintStream[] real = {System.out, System.err};
    PrintStream library = new PrintStream(new LibraryConsole(real[1]), true, UTF_8);
    System.setOut(library);
    System.setErr(library);
    return real;
  }

  @Override
  public synchronized void write(int b) {
    if (logging) {
      real.write(b);
    } else if (b == '\n') {
      flushLine();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() {
    // Lines are logged whole, when they end.
  }

  private void flushLine() {
    String text = line.toString(UTF_8).stripTrailing();
    line.reset();
    if (text.isEmpty()) {
      return;
    }
    logging = true;
    try {
      log.debug("{}", text);
    } finally {
      logging = false;
    }
  }
}
