package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * The browser harness against the real server: JavaScript in headless Chromium calls the API from
 * the API's own origin (with and without a bearer token), and a page on another origin is refused
 * the response, since no origin is allowed by default. Skipped where Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(HeadlessChromium.LOCK)
class HeadlessChromiumTest {
  Convener convener;
  ConvenerHttpServer server;
  HeadlessChromium browser;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    browser = HeadlessChromium.start();
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (convener != null) {
      convener.close();
    }
  }

  @Test
  void scriptOnTheApisOriginCallsTheApiWithAndWithoutAToken() {
    browser.driver().get(server.uri() + "/health/live");
    assertThat(browser.run("fetch('/health/live').then(r => r.json())"
        + ".then(j => done(j.status), e => done('failed: ' + e))")).isEqualTo("up");
    String token = Tokens.token("acme", "m-1", "member");
    assertThat(browser.run("fetch('/v1/notifications?after=0', {headers: {Authorization: 'Bearer " + token + "'}})"
        + ".then(r => r.json().then(j => done(r.status + ' ' + Array.isArray(j.messages))),"
        + " e => done('failed: ' + e))")).isEqualTo("200 true");
    assertThat(browser.run("fetch('/v1/notifications?after=0')"
        + ".then(r => r.json().then(j => done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + j.status)),"
        + " e => done('failed: ' + e))")).isEqualTo("401 application/problem+json 401");
  }

  @Test
  void aPageOnAnotherOriginIsRefusedTheResponseWhenNoOriginIsAllowed() throws Exception {
    String page = """
        <!doctype html><html><head><title>widget host</title></head><body><pre id="own"></pre><pre id="api"></pre>
        <script>
          const api = decodeURIComponent(location.hash.substring(1));
          const show = (id, text) => { document.getElementById(id).textContent = text; };
          fetch('/data').then(r => r.text()).then(t => show('own', 'read: ' + t), e => show('own', 'refused: ' + e.name));
          fetch(api + '/health/live').then(r => r.text())
            .then(t => show('api', 'read: ' + t), e => show('api', 'refused: ' + e.name));
        </script></body></html>
        """;
    try (OriginPages pages = OriginPages.serve(Map.of("/", new String[] {"text/html; charset=utf-8", page},
            "/data", new String[] {"text/plain", "own origin"}))) {
      assertThat(pages.origin().getPort()).isNotEqualTo(server.port());
      browser.driver().get(pages.origin() + "/#" + server.uri());
      assertThat(textOf("own")).isEqualTo("read: own origin");
      assertThat(textOf("api")).isEqualTo("refused: TypeError");
    }
  }

  /** The text of the element once the page's script has written it. */
  private String textOf(String id) {
    AtomicReference<String> text = new AtomicReference<>("");
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      text.set(browser.driver().findElement(By.id(id)).getText());
      return !text.get().isEmpty();
    });
    return text.get();
  }
}
