package io.convener.core.ingest;

import io.convener.api.ConvenerException;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Overlaps reading with writing: the calling thread parses lines into chunks while one writer
 * thread hands the previous chunks to the {@link BatchWriter}. The queue holds at most {@link
 * #DEPTH} chunks, so memory stays bounded by a few batches whatever the input size. Chunks are
 * written in the order they were read, by one thread, so the report is the same as a sequential
 * run. One pipeline per ingestion call; not thread-safe beyond that.
 */
final class WritePipeline {
  /** Chunks that may wait for the writer; two keep both threads busy. */
  static final int DEPTH = 2;

  private static final List<ParsedLine> END = List.of();

  private final BlockingQueue<List<ParsedLine>> queue = new ArrayBlockingQueue<>(DEPTH);
  private final BatchWriter writer;
  private final Thread thread;
  private volatile boolean aborted;
  private volatile @Nullable Throwable failure;
  private volatile @Nullable IngestReport report;

  WritePipeline(TenantId tenant, BatchWriter writer) {
    this.writer = writer;
    this.thread = new Thread(() -> run(tenant), "convener-ingest-" + tenant.value());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a chunk; blocks while the writer is {@link #DEPTH} chunks behind. */
  void put(List<ParsedLine> chunk) {
    try {
      while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
        if (!thread.isAlive()) {
          throw new IllegalStateException("the ingestion writer stopped unexpectedly");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
      throw new IllegalStateException("interrupted while ingesting", e);
    }
  }

  /** Waits for every queued chunk to be written and returns the report; rethrows a write failure. */
  IngestReport finish() {
    put(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
      throw new IllegalStateException("interrupted while ingesting", e);
    }
    rethrowFailure();
    IngestReport done = report;
    if (done == null) {
      throw new IllegalStateException("the ingestion writer ended without a report");
    }
    return done;
  }

  /**
   * Stops the writer after the chunk it is writing; what it committed stays committed. The writer
   * is told, not interrupted: an interrupt that lands inside H2's file I/O closes the database's
   * file channel for every connection.
   */
  void abort() {
    aborted = true;
  }

  private void run(TenantId tenant) {
    MDC.put(Ingester.TENANT_MDC_KEY, tenant.value());
    try {
      while (!aborted) {
        List<ParsedLine> chunk = queue.poll(50, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          continue;
        }
        if (chunk == END) {
          report = writer.finish();
          return;
        }
        chunk.forEach(writer::accept);
      }
    } catch (InterruptedException e) {
      // Aborted by the reading side, which reports its own failure.
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      MDC.remove(Ingester.TENANT_MDC_KEY);
    }
  }

  private void rethrowFailure() {
    Throwable t = failure;
    if (t instanceof ConvenerException c) {
      throw c;
    }
    if (t instanceof RuntimeException r) {
      throw new IllegalStateException("ingestion failed while writing: " + r.getMessage(), r);
    }
    if (t instanceof Error err) {
      throw err;
    }
  }
}
