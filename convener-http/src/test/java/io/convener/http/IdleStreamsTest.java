package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance checks of issue 15 on a server with only 16 worker threads: 200 idle event
 * streams of one tenant, then 70 connections that send half a request and stop, hold no worker,
 * so {@code /health/live} answers within 2 s and another tenant's champions within 5 s. On the JDK
 * server each stream held a thread and neither answered within 10 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleStreamsTest {
  static final int STREAMS = 200;
  static final int HALF_SENT = 70;
  Convener convener;
  ConvenerHttpServer server;
  Client client;
  final List<Socket> sockets = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).threads(16).start();
    client = new Client(server.uri());
    String globex = Tokens.token("globex", "ops", "admin");
    assertThat(client.send(client.request("/v1/events", globex).POST(HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"member\",\"id\":\"ana\"}\n{\"type\":\"member\",\"id\":\"bo\"}\n")).build()).status()).isEqualTo(200);
  }

  @AfterAll
  void stop() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
    convener.close();
  }

  @Test
  void idleStreamsAndHalfSentRequestsLeaveOtherTenantsServed() throws Exception {
    URI base = server.uri();
    for (int i = 0; i < STREAMS; i++) {
      Socket s = Raw.connect(base);
      sockets.add(s);
      Raw.write(s, "GET /v1/notifications/stream HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
          + Tokens.token("acme", "member-" + i, "member") + "\r\n\r\n");
    }
    for (Socket s : sockets) {
      byte[] status = s.getInputStream().readNBytes(12);
      assertThat(new String(status, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
    }
    assertThat(server.openStreams()).isEqualTo(STREAMS);
    assertAnswered("with " + STREAMS + " idle streams");

    for (int i = 0; i < HALF_SENT; i++) {
      Socket s = Raw.connect(base);
      sockets.add(s);
      Raw.write(s, "GET /health/live HTTP/1.1\r\nHost: t\r\nX-Half: ");
    }
    assertAnswered("with " + HALF_SENT + " half-sent requests as well");
  }

  private void assertAnswered(String when) {
    long start = System.nanoTime();
    Client.Reply live = client.send(client.request("/health/live", null).timeout(Duration.ofSeconds(2)).GET().build());
    assertThat(live.status()).as(when).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(when).isLessThan(Duration.ofSeconds(2));
    start = System.nanoTime();
    Client.Reply champions = client.send(client.request("/v1/champions/discover", Tokens.token("globex", "ops", "admin"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(champions.status()).as(when).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(when).isLessThan(Duration.ofSeconds(5));
  }
}
