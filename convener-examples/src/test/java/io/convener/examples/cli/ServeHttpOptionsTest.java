package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convener serve --cors-origin}: repeatable, checked up front, and answered in preflights by the Jetty server. */
class ServeHttpOptionsTest {
  static final Pattern SERVING = Pattern.compile("serving (http://\\S+)/v1/");
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String db() {
    return "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
  }

  @Test
  void aCorsOriginThatIsNoOriginIsAUsageErrorOnOneLine() {
    int code = run("--db", db(), "serve", "--port", "0", "--issuer", "https://login.example.com/",
        "--jwks-url", "http://127.0.0.1:9/jwks.json", "--cors-origin", "https://widgets.example.com/app");
    assertThat(code).isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("--cors-origin", "https://widgets.example.com/app").doesNotContain("\tat ");
  }

  @Test
  void eachCorsOriginGetsItsPreflightAnswered() throws Exception {
    AtomicInteger code = new AtomicInteger(-1);
    Thread serving = new Thread(() -> code.set(run("--db", db(), "serve", "--port", "0",
        "--issuer", "https://login.example.com/", "--jwks-url", "http://127.0.0.1:9/jwks.json",
        "--cors-origin", "https://a.example.com", "--cors-origin", "https://b.example.com")));
    serving.start();
    Matcher m = SERVING.matcher("");
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> m.reset(out.toString()).find() || code.get() >= 0);
    assertThat(m.reset(out.toString()).find()).as(err.toString()).isTrue();
    URI base = URI.create(m.group(1));
    HttpClient client = HttpClient.newHttpClient();
    for (String origin : new String[] {"https://a.example.com", "https://b.example.com", "https://c.example.com"}) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/v1/champions/discover"))
          .header("Origin", origin).header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      boolean allowed = !origin.startsWith("https://c.");
      assertThat(r.statusCode()).as(origin).isEqualTo(allowed ? 204 : 403);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(origin)
          .isEqualTo(allowed ? java.util.Optional.of(origin) : java.util.Optional.empty());
    }
    serving.interrupt();
    serving.join(10_000);
    assertThat(code).hasValue(ConvenerCommand.OK);
  }
}
