package io.convener.examples.witness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.Sha256Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node's checkpoint feed and consistency proofs over HTTP ({@code GET
 * /v1/provenance/checkpoints} and {@code /v1/provenance/consistency}) with a bearer token.
 * Thread-safe.
 */
final class FeedClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One page of the feed as served: the checkpoints' notes, the next cursor, the verifier key. */
  record Page(List<Checkpoint> checkpoints, Optional<String> next, String verifierKey) {}

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  FeedClient(URI base, String token) {
    this.base = requireNonNull(base, "base");
    this.token = requireNonNull(token, "token");
  }

  Page page(CheckpointCursor after) {
    JsonNode doc = get("/v1/provenance/checkpoints?limit=100&after="
        + URLEncoder.encode(after.toString(), StandardCharsets.UTF_8));
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode c : doc.path("checkpoints")) {
      checkpoints.add(Checkpoint.parse(c.path("checkpoint").asText()));
    }
    Optional<String> next = doc.hasNonNull("next") ? Optional.of(doc.get("next").asText()) : Optional.empty();
    return new Page(checkpoints, next, doc.path("verifierKey").asText());
  }

  List<Sha256Hash> consistency(long from, long to) {
    JsonNode doc = get("/v1/provenance/consistency?from=" + from + "&to=" + to);
    List<Sha256Hash> hashes = new ArrayList<>();
    for (JsonNode h : doc.path("proof")) {
      hashes.add(Sha256Hash.fromBase64(h.asText()));
    }
    return hashes;
  }

  private JsonNode get(String pathAndQuery) {
    URI uri = base.resolve(pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach the checkpoint feed at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException("interrupted while reading the checkpoint feed", new IOException(e));
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(response.body());
    } catch (IOException e) {
      doc = JSON.createObjectNode();
    }
    if (response.statusCode() != 200) {
      String detail = doc.path("detail").asText(doc.path("title").asText("no detail"));
      throw new UncheckedIOException("the node at " + base + " answered " + response.statusCode() + " to "
          + uri.getPath(), new IOException(detail));
    }
    return doc;
  }
}
