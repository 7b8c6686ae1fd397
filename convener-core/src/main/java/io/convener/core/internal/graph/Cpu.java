package io.convener.core.internal.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * CPU time of the calling thread, for the per-stage CPU figures of {@link GraphMetrics} (wall time
 * alone says little on a shared machine), and the side threads that run independent stages beside
 * the caller. Reads 0 where the JVM cannot measure thread CPU time.
 */
final class Cpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private Cpu() {}

  /** CPU nanoseconds used so far by the calling thread. */
  static long now() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0L;
  }

  /** A result with the wall and CPU milliseconds it took. */
  record Timed<T>(T value, double wallMillis, double cpuMillis) {}

  /** Runs {@code work} on the calling thread, timed. */
  static <T> Timed<T> timed(Supplier<T> work) {
    long w0 = System.nanoTime();
    long c0 = now();
    T value = work.get();
    return new Timed<>(value, (System.nanoTime() - w0) / 1e6, (now() - c0) / 1e6);
  }

  /** Work from the calling thread that may use the fork-join pool and reports its CPU there. */
  @FunctionalInterface
  interface PoolWork<T> {
    T run(LongAdder poolCpuNanos);
  }

  /** Runs {@code work} on the calling thread, timed; the CPU time includes what pool threads add. */
  static <T> Timed<T> withPool(PoolWork<T> work) {
    LongAdder pool = new LongAdder();
    Timed<T> t = timed(() -> work.run(pool));
    return new Timed<>(t.value(), t.wallMillis(), t.cpuMillis() + pool.sum() / 1e6);
  }

  /**
   * Runs {@code work} on a new daemon thread named {@code convener-graph-<name>} when {@code
   * concurrent}, else at once on the calling thread. The work must not depend on which.
   */
  static <T> CompletableFuture<Timed<T>> beside(String name, boolean concurrent, Supplier<T> work) {
    CompletableFuture<Timed<T>> f = new CompletableFuture<>();
    Runnable task = () -> {
      try {
        f.complete(timed(work));
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    };
    if (concurrent) {
      Thread t = new Thread(task, "convener-graph-" + name);
      t.setDaemon(true);
      t.start();
    } else {
      task.run();
    }
    return f;
  }

  /**
   * Runs {@code body} for every task {@code 0..tasks-1}, each once, on the calling thread and up to
   * the common pool's parallelism of pool threads, every thread taking the next unclaimed task
   * until none is left. Unlike a parallel stream this keeps the caller busy to the end: a caller
   * outside the pool that waits for a stolen subtask cannot help with the others. What a task
   * computes must not depend on the thread that runs it. The CPU time of pool threads is added to
   * {@code poolCpuNanos}; the first exception a task throws is rethrown after all have stopped.
   */
  static void claim(int tasks, LongAdder poolCpuNanos, IntConsumer body) {
    AtomicInteger next = new AtomicInteger();
    Runnable runner = () -> {
      for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
        body.accept(t);
      }
    };
    int helpers = Math.min(tasks - 1, ForkJoinPool.getCommonPoolParallelism());
    // Submitted to the pool itself: CompletableFuture.runAsync would start a new thread per call
    // where the common pool has a single thread, as on two cores.
    List<ForkJoinTask<?>> pooled = new ArrayList<>(Math.max(0, helpers));
    for (int i = 0; i < helpers; i++) {
      pooled.add(ForkJoinPool.commonPool().submit(() -> {
        long c0 = now();
        try {
          runner.run();
        } catch (RuntimeException e) {
          next.set(tasks);
          throw e;
        } finally {
          poolCpuNanos.add(now() - c0);
        }
      }));
    }
    RuntimeException failed = null;
    try {
      runner.run();
    } catch (RuntimeException e) {
      failed = e;
      next.set(tasks);
    }
    for (ForkJoinTask<?> f : pooled) {
      try {
        // A helper still queued (its thread busy elsewhere) is taken back and finds nothing to do.
        f.join();
      } catch (RuntimeException e) {
        if (failed == null) {
          failed = e;
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /** The value of {@code f}, rethrowing what its work threw. */
  static <T> Timed<T> join(CompletableFuture<Timed<T>> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
