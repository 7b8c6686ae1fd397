package io.convener.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Static pages for browser tests, served from a loopback port of their own: a page here has an
 * origin other than the API server's, as a host application embedding a widget would. Each path
 * maps to its content type and body; anything else is 404.
 */
final class OriginPages implements AutoCloseable {
  private final HttpServer server;

  private OriginPages(HttpServer server) {
    this.server = server;
  }

  /** Serves these pages, by path, each as {@code {content type, body}}. */
  static OriginPages serve(Map<String, String[]> pages) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String[] page = pages.get(exchange.getRequestURI().getPath());
        byte[] body = (page == null ? "not found" : page[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : page[0]);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    return new OriginPages(server);
  }

  /** The origin, such as {@code http://127.0.0.1:40123}. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
