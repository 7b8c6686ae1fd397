package io.convener.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows what a long step is doing on stderr, but only once it has taken more than a second, so
 * quick commands stay quiet. On a terminal the line is redrawn in place; elsewhere a line is
 * printed every few seconds. Thread-safe.
 */
final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final String step;
  private final Supplier<String> status;
  private final boolean terminal = System.console() != null;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convener-progress");
        t.setDaemon(true);
        return t;
      });
  private final long started = System.nanoTime();
  private boolean shown;

  /** Starts watching; {@code status} is asked for a short text such as {@code 45% of 27 MB}. */
  Progress(PrintWriter err, String step, Supplier<String> status) {
    this.err = err;
    this.step = step;
    this.status = status;
    long period = terminal ? 1 : 5;
    timer.scheduleAtFixedRate(this::show, 1, period, TimeUnit.SECONDS);
  }

  private synchronized void show() {
    String line = step + ": " + status.get() + " (" + seconds() + " s)";
    if (terminal) {
      err.print("\r" + line + "   ");
    } else {
      err.println(line);
    }
    err.flush();
    shown = true;
  }

  private long seconds() {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (shown && terminal) {
      err.println("\r" + step + ": done in " + seconds() + " s" + " ".repeat(20));
      err.flush();
    }
  }
}
