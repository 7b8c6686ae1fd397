package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
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
  void refusesPlainHttpOffLoopbackWithOneClearLine() {
    int code = run("--db", db(), "serve", "--bind", "0.0.0.0", "--port", "0", "--issuer", "https://login.example.com/",
        "--jwks-url", "http://127.0.0.1:9/jwks.json");
    assertThat(code).isEqualTo(ConvenerCommand.ERROR);
    assertThat(err.toString()).contains("refusing to serve plain HTTP on 0.0.0.0");
  }

  @Test
  void needsAWayToCheckTokens() {
    assertThat(run("--db", db(), "serve", "--issuer", "https://login.example.com/")).isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("--jwks-url");
  }

  @Test
  void servesUntilStopped() throws Exception {
    AtomicInteger code = new AtomicInteger(-1);
    Thread serving = new Thread(() -> code.set(run("--db", db(), "serve", "--port", "0",
        "--issuer", "https://login.example.com/", "--jwks-url", "http://127.0.0.1:9/jwks.json")));
    serving.start();
    Matcher m = Pattern.compile("serving (http://\\S+)/v1/").matcher("");
    for (int i = 0; i < 300 && !m.reset(out.toString()).find(); i++) {
      Thread.sleep(50);
    }
    assertThat(m.reset(out.toString()).find()).as(err.toString()).isTrue();
    URI base = URI.create(m.group(1));
    HttpClient client = HttpClient.newHttpClient();
    assertThat(client.send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base.resolve("/v1/provenance/events")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    serving.interrupt();
    serving.join(10_000);
    assertThat(code).hasValue(ConvenerCommand.OK);
  }
}
