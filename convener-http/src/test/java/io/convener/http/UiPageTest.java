package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The widget page at {@code /ui/} over the wire: each file with its content type, a strict
 * Content-Security-Policy whose {@code frame-ancestors} names the configured host origin, {@code
 * nosniff}, revalidation by ETag; nothing loaded from another host and no inline script or handler;
 * and every other path below {@code /ui/}, however encoded, refused without a byte of any file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiPageTest {
  static final String HOST = "https://intranet.example.com";
  static final String POLICY = "default-src 'self'; connect-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' " + HOST;

  Convener convener;
  ConvenerHttpServer server;
  Client client;

  @BeforeAll
  void start() {
    convener = Conveners.builder().database("jdbc:h2:mem:ui-" + UUID.randomUUID()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).corsOrigin(HOST).start();
    client = new Client(server.uri());
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void eachFileComesWithItsTypeAStrictPolicyAndAnEntityTag() {
    String[][] files = {{"/ui/", "text/html;charset=utf-8"}, {"/ui/index.html", "text/html;charset=utf-8"},
        {"/ui/ui.js", "text/javascript;charset=utf-8"}, {"/ui/ui.css", "text/css;charset=utf-8"}};
    for (String[] f : files) {
      Raw.Reply r = Raw.send(server.uri(), "GET " + f[0] + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(r.status()).as(f[0]).isEqualTo(200);
      assertThat(r.header("Content-Type").replace(" ", "")).as(f[0]).isEqualToIgnoringCase(f[1]);
      assertThat(r.header("Content-Security-Policy")).as(f[0]).isEqualTo(POLICY);
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
      assertThat(r.header("ETag")).matches("\"[0-9a-f]{32}\"");
      Raw.Reply again = Raw.send(server.uri(), "GET " + f[0] + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: "
          + r.header("ETag") + "\r\nConnection: close\r\n\r\n");
      assertThat(again.status()).as("revalidated " + f[0]).isEqualTo(304);
    }
    Raw.Reply head = Raw.send(server.uri(), "HEAD /ui/ui.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(head.status()).isEqualTo(200);
  }

  @Test
  void thePageLoadsNothingFromOtherHostsAndHasNoInlineScript() {
    String html = client.get("/ui/", null).raw().body();
    String js = client.get("/ui/ui.js", null).raw().body();
    String css = client.get("/ui/ui.css", null).raw().body();
    assertThat(html).contains("<meta name=\"convener-host-origins\" content=\"" + HOST + "\">")
        .contains("<script src=\"ui.js\" defer></script>").contains("<link rel=\"stylesheet\" href=\"ui.css\">");
    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find()).as("inline script").isFalse();
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
        .as("inline event handler").isFalse();
    assertThat(html).doesNotContain("style=");
    for (String text : List.of(html.replace(HOST, ""), js, css)) {
      // The SVG namespace is a name, not a fetch; any other absolute address would be.
      assertThat(text.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://")
          .doesNotContain("//cdn").doesNotContain("@import");
    }
    assertThat(js).doesNotContain("innerHTML").doesNotContain("eval(").doesNotContain("localStorage");
  }

  @Test
  void withoutTheSlashThePageRedirectsAndOtherMethodsAreRefused() {
    Raw.Reply r = Raw.send(server.uri(), "GET /ui HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(308);
    assertThat(r.header("Location")).endsWith("/ui/");
    Client.Reply post = client.send(client.request("/ui/", null).POST(HttpRequest.BodyPublishers.ofString("x")).build());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
    Client.Reply missing = client.get("/ui/missing.html", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("code").asText()).isEqualTo("not_found");
    assertThat(missing.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(missing.header("Content-Security-Policy")).isEqualTo(POLICY);
  }

  /** Jetty refuses an ambiguous path (an encoded dot segment or separator, an empty segment, a NUL) with 400. */
  @ParameterizedTest(name = "{1} -> {0}")
  @CsvSource({"404, /ui/nope.js", "404, /ui/UiServlet.class", "404, /ui/io/convener/http/ui/index.html",
      "404, /ui/ui.js/", "404, /ui/ui.js.bak", "404, /ui/../", "404, /ui/../pom.xml", "400, /ui//ui.js",
      "400, /ui/..%2f", "400, /ui/%2e%2e/", "400, /ui/%2e%2e%2fpom.xml", "400, /ui/..%5c..%5cpom.xml",
      "400, /ui/%252e%252e/", "400, /ui/ui.js%00", "400, /ui/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "400, /ui/....//....//etc/passwd", "400, /ui/../../../../etc/passwd", "400, /ui/%c0%ae%c0%ae/",
      "400, /ui/.%2e/ConvenerServlet.class"})
  void anyOtherPathIsRefusedWithNoFileInTheAnswer(int status, String path) {
    Raw.Reply r = Raw.send(server.uri(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).as(path).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).as(path).isEqualTo(status);
    assertThat(r.body()).as(path).doesNotContain("<html").doesNotContain("root:").doesNotContain("use strict")
        .doesNotContain("<project");
  }
}
