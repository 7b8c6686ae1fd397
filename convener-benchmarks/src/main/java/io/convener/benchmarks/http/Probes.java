package io.convener.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Request latency (one request at a time) and throughput (several clients for a while) over HTTP. */
final class Probes {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Duration timeout;

  Probes(Duration timeout) {
    this.timeout = timeout;
  }

  /** A GET with an optional bearer token. */
  HttpRequest get(URI uri, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    return (token.isEmpty() ? b : b.header("Authorization", "Bearer " + token)).build();
  }

  /** A POST of a JSON body with a bearer token. */
  HttpRequest post(URI uri, String token, String json) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  /** Sends a request and returns its body; anything but 2xx is an error naming the status. */
  String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(request.method() + " " + request.uri().getPath() + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /**
   * Latencies of {@code n} requests, one at a time. A request without an answer within the timeout
   * counts as a timeout; sampling stops after three of them, since each costs the whole timeout.
   */
  Latencies sample(Supplier<HttpRequest> request, int n) throws IOException, InterruptedException {
    long[] nanos = new long[n];
    int done = 0;
    int timeouts = 0;
    for (int i = 0; i < n && timeouts < 3; i++) {
      long t0 = System.nanoTime();
      try {
        send(request.get());
        nanos[done++] = System.nanoTime() - t0;
      } catch (HttpTimeoutException e) {
        timeouts++;
      }
    }
    long[] measured = Arrays.copyOf(nanos, done);
    Arrays.sort(measured);
    return new Latencies(measured, timeouts);
  }

  /** Completed requests per second of {@code clients} threads sending back to back for a while. */
  double throughput(Supplier<HttpRequest> request, int clients, Duration duration) throws InterruptedException {
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>("");
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.execute(() -> {
        while (System.nanoTime() < end) {
          try {
            send(request.get());
            completed.incrementAndGet();
          } catch (IOException e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet("", e.toString());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + timeout.toSeconds() + 10, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failed.get() > 0) {
      System.out.printf(Locale.ROOT, "  (%d requests failed, the first with %s)%n", failed.get(), firstFailure.get());
    }
    return completed.get() / seconds;
  }

  /** Sorted latencies in nanoseconds, and how many requests got no answer in time. */
  record Latencies(long[] sorted, int timeouts) {
    double ms(double q) {
      return sorted.length == 0 ? Double.NaN
          : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    String summary() {
      return String.format(Locale.ROOT, "n=%d p50 %.1f ms  p99 %.1f ms  max %.1f ms%s", sorted.length, ms(0.5),
          ms(0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
          timeouts == 0 ? "" : "  NO ANSWER IN TIME: " + timeouts);
    }
  }
}
