package io.convener.core.champion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Work that runs beside a request on a daemon thread of its own, and its result joined after. */
final class SideWork {
  private SideWork() {}

  /** Starts {@code work} on a new daemon thread named {@code convener-<name>}. */
  static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(work.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "convener-" + name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** The result, or what the work threw, unwrapped. */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
