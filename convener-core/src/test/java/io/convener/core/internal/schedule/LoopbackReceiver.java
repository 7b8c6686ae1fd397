package io.convener.core.internal.schedule;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on the loopback interface (the JDK's HTTP server) that keeps every request's
 * body and headers and answers the status the test sets.
 */
final class LoopbackReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String body, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse("");
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile int status = 200;

  LoopbackReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(new Received(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            Map.copyOf(exchange.getRequestHeaders())));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** Makes the receiver answer {@code code} from now on. */
  void answer(int code) {
    status = code;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
