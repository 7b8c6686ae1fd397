package io.convener.examples.witness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a node's checkpoint stream ({@code GET /v1/provenance/checkpoints/stream}, Server-Sent
 * Events) with a bearer token, from a feed position on: each {@code checkpoint} event is handed
 * over as it arrives. Comment lines (heartbeats) are skipped. Thread-safe; each call holds one
 * connection.
 */
final class StreamClient {
  /** The route of the checkpoint stream. */
  static final String ROUTE = "/v1/provenance/checkpoints/stream";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One pushed checkpoint with the verifier key the node serves for it. */
  record Pushed(Checkpoint checkpoint, String verifierKey) {}

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  StreamClient(URI base, String token) {
    this.base = requireNonNull(base, "base");
    this.token = requireNonNull(token, "token");
  }

  /**
   * Reads the stream after {@code after} until the node ends it (it does when the token expires,
   * or when it shuts down), handing each checkpoint to {@code onEach} on the calling thread.
   *
   * @throws UncheckedIOException when the node cannot be reached or refuses the stream, naming its answer
   * @throws IllegalArgumentException when an event is not a checkpoint of the feed
   */
  void read(CheckpointCursor after, Consumer<Pushed> onEach) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(ROUTE))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
        .header("Last-Event-ID", after.toString()).GET().build();
    HttpResponse<Stream<String>> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach the checkpoint stream at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException("interrupted while opening the checkpoint stream", new IOException(e));
    }
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        String body = String.join("\n", lines.limit(100).toList());
        throw new UncheckedIOException("the node at " + base + " answered " + response.statusCode() + " to "
            + ROUTE, new IOException(detail(body)));
      }
      try {
        events(lines.iterator(), onEach);
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException("the checkpoint stream from " + base + " broke off", e.getCause());
      }
    }
  }

  /** Splits the lines into events; hands over each {@code checkpoint} event. */
  private static void events(Iterator<String> lines, Consumer<Pushed> onEach) {
    String name = "message";
    List<String> data = new ArrayList<>();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (name.equals("checkpoint") && !data.isEmpty()) {
          onEach.accept(pushed(String.join("\n", data)));
        }
        name = "message";
        data.clear();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.add(line.substring(5).strip());
      }
    }
  }

  private static Pushed pushed(String data) {
    try {
      JsonNode doc = JSON.readTree(data);
      return new Pushed(Checkpoint.parse(doc.path("checkpoint").asText()), doc.path("verifierKey").asText());
    } catch (IOException e) {
      throw new IllegalArgumentException("the checkpoint stream sent an event that is not JSON");
    }
  }

  private static String detail(String body) {
    try {
      JsonNode doc = JSON.readTree(body);
      return doc.path("detail").asText(doc.path("title").asText("no detail"));
    } catch (IOException e) {
      return "no detail";
    }
  }
}
