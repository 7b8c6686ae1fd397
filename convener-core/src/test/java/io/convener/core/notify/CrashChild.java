package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;

import java.nio.file.Path;

/**
 * The child process of {@link CrashTest}: on the given H2 file it commits one action with a
 * notification and one action that fails after building its notification, with the relay not
 * started (so nothing is delivered), says so on standard output, and waits to be killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    NotifyFixture f = new NotifyFixture(args[0], Path.of(args[1]), false, new RecordingChannel());
    f.members(ACME, "ana");
    try {
      f.trigger(ACME, "rolled-back", "", false, true, "ana");
    } catch (IllegalStateException expected) {
      System.out.println("FAILED-ACTION");
    }
    f.trigger(ACME, "committed", "ana");
    System.out.println("COMMITTED");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
