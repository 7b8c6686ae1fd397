package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host mounts {@link ConvenerServlet} in its own plain Jetty at {@code /api/*}: the same
 * requests get the same statuses and the same JSON fields as from {@code convener serve}'s
 * server, event streams included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletMountTest {
  Convener convener;
  ConvenerHttpServer serve;
  Server host;
  ConvenerServlet servlet;
  URI mounted;
  final String admin = Tokens.token("acme", "ops", "admin");

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    serve = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    host = new Server();
    ServerConnector connector = new ServerConnector(host);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    host.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    servlet = ConvenerServlet.builder(convener, Tokens.verifier()).build();
    ServletHolder holder = new ServletHolder("convener", servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/api/*");
    host.setHandler(context);
    host.start();
    mounted = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/");
  }

  @AfterAll
  void stop() throws Exception {
    host.stop();
    serve.close();
    convener.close();
  }

  private record Call(String method, String path, String token, String body) {}

  @Test
  void theMountedServletServesTheSameApi() {
    List<Call> calls = List.of(
        new Call("GET", "health/live", null, null),
        new Call("GET", "health/ready", null, null),
        new Call("POST", "v1/events", admin, "{\"type\":\"member\",\"id\":\"ana\"}\n"),
        new Call("POST", "v1/champions/discover", admin, "{\"limit\":3}"),
        new Call("GET", "v1/pulse/aggregate?window=0d", admin, null),
        new Call("GET", "v1/admin/pulse-settings", admin, null),
        new Call("GET", "v1/notifications", null, null),
        new Call("DELETE", "v1/events", admin, null),
        new Call("GET", "v1/nothing", admin, null),
        new Call("POST", "v1/notifications/stream-ticket", admin, ""));
    Client embedded = new Client(serve.uri().resolve("/"));
    Client hosted = new Client(mounted);
    for (Call c : calls) {
      Client.Reply expected = send(embedded, c);
      Client.Reply actual = send(hosted, c);
      assertThat(actual.status()).as(c.path()).isEqualTo(expected.status());
      assertThat(actual.header("Content-Type")).as(c.path()).isEqualTo(expected.header("Content-Type"));
      assertThat(fields(actual)).as(c.path()).isEqualTo(fields(expected));
    }
    assertThat(servlet.routes()).containsExactlyInAnyOrderElementsOf(serve.routes());
    Client.Reply openApi = hosted.get("v1/openapi.json", null);
    assertThat(openApi.json()).isEqualTo(embedded.get("v1/openapi.json", null).json());
  }

  @Test
  void anEventStreamWorksUnderTheHostsPath() throws Exception {
    try (Lines stream = new Lines(new Client(mounted).http, Lines.get(mounted.resolve("v1/notifications/stream"))
        .header("Authorization", "Bearer " + Tokens.token("acme", "ana", "member")).build())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.contains("retry: 2000"));
      assertThat(servlet.openStreams()).isEqualTo(1);
    }
  }

  private static Client.Reply send(Client c, Call call) {
    HttpRequest.Builder b = c.request(call.path(), call.token());
    b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(call.body()));
    return c.send(b.build());
  }

  private static TreeSet<String> fields(Client.Reply r) {
    TreeSet<String> names = new TreeSet<>();
    if (r.raw().body().isEmpty()) {
      return names;
    }
    for (Iterator<String> it = r.json().fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

}
