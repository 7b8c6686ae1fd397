package io.convener.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream with java.net.http on a thread of its own; events go to a queue. */
final class SseClient implements AutoCloseable {
  /** One event: its id (-1 when not a number), name and data, and the id as sent. */
  record Event(long id, String name, String data, String rawId) {}

  final HttpResponse<Stream<String>> response;
  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  SseClient(HttpClient http, URI uri, String token, String lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    long id = -1;
    String rawId = "";
    String name = "message";
    List<String> data = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name, String.join("\n", data), rawId));
          }
          name = "message";
          data.clear();
        } else if (line.startsWith("id: ")) {
          rawId = line.substring(4);
          id = rawId.matches("[0-9]{1,18}") ? Long.parseLong(rawId) : -1;
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.add(line.substring(6));
        }
      }
    } catch (RuntimeException e) {
      // closed
    }
  }

  /** The next event, or null after the timeout. */
  Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
