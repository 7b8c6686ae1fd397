package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A widget page in headless Chromium, on another loopback origin that the server allows by CORS,
 * watches its member's notifications with the browser's own {@code EventSource} and a stream
 * ticket: it receives a notification pushed while it watches; when the server ends the stream
 * (the token that asked for the ticket expires), it resumes with a fresh ticket and {@code
 * lastEventId}, receiving what came meanwhile and afterwards once each, and never the first
 * again. Skipped where Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(HeadlessChromium.LOCK)
class ChromiumEventSourceTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  /** The widget: {@code watch(api, token)} gets a ticket and opens a stream, resuming after the last id seen. */
  static final String PAGE = """
      <!doctype html><html><head><title>widget</title></head><body><script>
        window.seen = []; window.opens = 0; window.drops = 0; window.failures = [];
        let last = null;
        async function ticket(api, token) {
          const r = await fetch(api + '/v1/notifications/stream-ticket',
              {method: 'POST', headers: {Authorization: 'Bearer ' + token}});
          if (r.status !== 201) { throw new Error('ticket: HTTP ' + r.status); }
          return (await r.json()).ticket;
        }
        window.watch = async (api, token) => {
          try {
            let url = api + '/v1/notifications/stream?ticket=' + encodeURIComponent(await ticket(api, token));
            if (last !== null) { url += '&lastEventId=' + encodeURIComponent(last); }
            const source = new EventSource(url);
            source.onopen = () => { window.opens++; };
            source.addEventListener('approval.requested', e => {
              last = e.lastEventId;
              window.seen.push(e.lastEventId + ' ' + JSON.parse(e.data).payload.approval);
            });
            source.onerror = () => { source.close(); window.drops++; };
          } catch (e) {
            window.failures.push(String(e));
          }
        };
      </script></body></html>
      """;
  final Principal ops = Principal.of(TenantId.of("acme"), "ops", Role.ADMIN);
  Convener convener;
  OriginPages pages;
  ConvenerHttpServer server;
  HeadlessChromium browser;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    browser = HeadlessChromium.start();
    pages = OriginPages.serve(Map.of("/", new String[] {"text/html; charset=utf-8", PAGE}));
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0)
        .corsOrigin(pages.origin().toString()).start();
    List<Purpose> enabled = new ArrayList<>(Purpose.standard());
    enabled.add(NotificationDraft.DIRECT);
    convener.consent().setPolicy(ops, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
    Client client = new Client(server.uri());
    String admin = Tokens.token("acme", "ops", "admin");
    assertThat(client.send(client.request("/v1/events", admin).POST(HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"member\",\"id\":\"ana\"}\n")).build()).status()).isEqualTo(200);
    assertThat(client.post("/v1/consent/grant", admin, "{\"member\":\"ana\",\"purpose\":\"notification.direct\"}")
        .status()).isEqualTo(200);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {browser, server, pages, convener}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aWidgetReceivesAPushThroughEventSourceAndResumesWithAFreshTicketAfterTheServerDropsIt() {
    browser.driver().get(pages.origin() + "/");
    String api = server.uri().toString();
    browser.driver().executeScript("watch(arguments[0], arguments[1])", api,
        Tokens.expiring(8, "acme", "ana", "member"));
    await().atMost(WAIT).until(() -> number("opens") == 1 || !failures().isEmpty());
    assertThat(failures()).isEmpty();

    String first = request("first");
    await().atMost(WAIT).until(() -> number("seen.length") == 1);
    String firstSeen = (String) browser.driver().executeScript("return window.seen[0]");
    assertThat(firstSeen).endsWith(" " + first);
    long firstId = Long.parseLong(firstSeen.substring(0, firstSeen.indexOf(' ')));

    await("the server ends the stream when the ticket's token expires").atMost(WAIT)
        .until(() -> number("drops") == 1);
    String whileAway = request("while away");
    browser.driver().executeScript("watch(arguments[0], arguments[1])", api, Tokens.token("acme", "ana", "member"));
    await().atMost(WAIT).until(() -> number("opens") == 2 || !failures().isEmpty());
    assertThat(failures()).isEmpty();
    await().atMost(WAIT).until(() -> number("seen.length") >= 2);
    String live = request("live again");
    await().atMost(WAIT).until(() -> number("seen.length") >= 3);

    assertThat(browser.driver().executeScript("return window.seen")).asList().containsExactly(
        firstId + " " + first, (firstId + 1) + " " + whileAway, (firstId + 2) + " " + live);
    assertThat(number("drops")).as("the resumed stream stays open").isEqualTo(1);
  }

  private String request(String scope) {
    return convener.approvals().request(ops, MemberId.of("ana"), Purpose.PROFILE_SHARE, scope).id().value();
  }

  private long number(String windowField) {
    return ((Number) browser.driver().executeScript("return window." + windowField)).longValue();
  }

  private List<?> failures() {
    return (List<?>) browser.driver().executeScript("return window.failures");
  }
}
