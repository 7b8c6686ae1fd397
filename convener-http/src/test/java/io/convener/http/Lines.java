package io.convener.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Every line of a streamed response, raw (comments and fields included), read on a thread of its own. */
final class Lines implements AutoCloseable {
  final HttpResponse<Stream<String>> response;
  final List<String> lines = new CopyOnWriteArrayList<>();
  final CountDownLatch ended = new CountDownLatch(1);
  private final Thread reader;

  Lines(HttpClient http, HttpRequest request) {
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    reader = new Thread(() -> {
      try (Stream<String> body = response.body()) {
        body.forEach(lines::add);
      } catch (RuntimeException e) {
        // closed
      } finally {
        ended.countDown();
      }
    }, "lines-client");
    reader.setDaemon(true);
    reader.start();
  }

  static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
