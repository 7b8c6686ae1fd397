package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget page at {@code /ui/} in headless Chromium, over two teams of real data: opened with
 * {@code #token=} it drops the token from the address, shows a consenting champion and each
 * team's trend as an SVG sparkline, answers a keyboard-only request for another team's
 * collaborators, and shows a notification pushed while it watches; no id of the member without
 * consent is anywhere in the page. When its token expires, the stream ends and the page asks the
 * host for a new token, then resumes after the last message it saw: each message once, in order. Framed by a host page on an allowed origin, it takes its token
 * by {@code postMessage}; a host on another origin cannot frame it, nor can a frame on another
 * origin beside it hand it a token. Skipped where Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(HeadlessChromium.LOCK)
class ChromiumWidgetPageTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String HIDDEN = "hidden-xq7";
  final Principal ops = Principal.of(TenantId.of("acme"), "ops", Role.ADMIN);
  Convener convener;
  OriginPages host;
  OriginPages stranger;
  ConvenerHttpServer server;
  HeadlessChromium browser;
  Client client;
  String token;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    browser = HeadlessChromium.start();
    Map<String, String[]> pages = Map.of("/", new String[] {"text/html; charset=utf-8", WidgetHostPages.HOST},
        "/sibling", new String[] {"text/html; charset=utf-8", WidgetHostPages.SIBLING});
    host = OriginPages.serve(pages);
    stranger = OriginPages.serve(pages);
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0)
        .corsOrigin(host.origin().toString()).start();
    client = new Client(server.uri());
    String admin = Tokens.token("acme", "ops", "admin");
    Client.Reply r = client.send(client.request("/v1/events", admin).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(WidgetData.lines(Instant.now(), HIDDEN))).build());
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.json().get("rejectedCount").asInt()).as(r.raw().body()).isZero();
    assertThat(client.post("/v1/consent/grant", admin, "{\"member\":\"ana\",\"purpose\":\"notification.direct\"}")
        .status()).isEqualTo(200);
    JsonNode graph = client.get("/v1/graph?format=json", admin).json();
    assertThat(graph.get("anonymous").asInt()).as("the member without consent is in the network").isEqualTo(1);
    token = Tokens.token("acme", "ana", "community_manager");
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {browser, server, host, stranger, convener}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void thePageShowsChampionsTrendsCollaboratorsAndALivePushButNoMemberWithoutConsent() {
    String champion = topChampion();
    var driver = browser.driver();
    driver.get(server.uri() + "/ui/#token=" + token + "&teams=core,ops");
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    assertThat(driver.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token")
        .endsWith("/ui/");

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("champion-list"), champion));
    for (String team : new String[] {"core", "ops"}) {
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#heatmap tr[data-team='" + team + "'] svg.sparkline[role='img'] polyline")));
    }
    assertThat(driver.findElements(By.cssSelector("#heatmap tr[data-team='core'] td.cell"))).hasSize(12);
    assertThat(driver.findElement(By.cssSelector("#heatmap tr[data-team='ops'] .risks")).getText())
        .as("ops fell quiet in the last four weeks").contains("engagement drop");
    WebElement details = driver.findElement(By.cssSelector("#champion-list details"));
    assertThat(details.findElement(By.tagName("table")).getAttribute("textContent")).contains("×");

    // Keyboard only: pick the second team in the list and press Enter on the button.
    WebElement select = driver.findElement(By.id("collaborators-team"));
    select.sendKeys(Keys.END);
    driver.findElement(By.cssSelector("#collaborators-form button")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("collaborators-note"), java.util.regex.Pattern.compile(
        "(For|No recommendation for) team ops\\.")));

    wait.until(ExpectedConditions.textToBe(By.id("stream-status"), "Live."));
    String approval = request("the widget test");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), approval));
    assertThat(approvals(driver)).filteredOn(text -> text.contains(approval)).singleElement().asString()
        .startsWith("approval.requested ");

    assertThat(driver.getPageSource()).doesNotContain(HIDDEN);
  }

  @Test
  void aHostOnAnAllowedOriginHandsTheTokenByPostMessageAndAnotherOriginCannotFrameThePage() {
    var driver = browser.driver();
    String query = "/?api=" + server.uri() + "&token=" + token;
    driver.get(host.origin() + query);
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return window.ready")));
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("widget"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("champion-list"), topChampion()));
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#heatmap tr[data-team='core'] svg.sparkline polyline")));
    driver.switchTo().defaultContent();

    driver.get(stranger.origin() + query);
    wait.until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return window.loaded")));
    assertThat(browser.driver().executeScript("return window.ready")).isEqualTo(false);
    driver.switchTo().frame("widget");
    assertThat(driver.findElements(By.id("champion-list"))).as("the framed page did not load").isEmpty();
    driver.switchTo().defaultContent();
  }

  @Test
  void aFrameOnAnotherOriginBesideTheWidgetCannotHandItAToken() {
    var driver = browser.driver();
    driver.get(host.origin() + "/?api=" + server.uri() + "&token=" + token + "&sibling=" + stranger.origin());
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return window.ready")));
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("widget"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
        "Ignored a token from " + stranger.origin()));
    assertThat(driver.findElements(By.cssSelector("#champion-list li"))).isEmpty();
    assertThat(driver.findElement(By.id("stream-status")).getText()).isEqualTo("Not connected.");
    driver.switchTo().defaultContent();
  }

  @Test
  void notificationsResumeAfterTheTokenExpiresWithEveryMessageOnceInOrder() {
    var driver = browser.driver();
    driver.get(host.origin() + "/?api=" + server.uri() + "&token=" + token + "&expiring="
        + Tokens.expiring(12, "acme", "ana", "community_manager"));
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("widget"));
    wait.until(ExpectedConditions.textToBe(By.id("stream-status"), "Live."));
    String before = request("before");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), before));

    driver.switchTo().defaultContent();
    wait.until(d -> Boolean.TRUE.equals(browser.driver().executeScript("return window.expired")));
    String away = request("while away");
    driver.switchTo().frame("widget");
    assertThat(driver.findElement(By.id("stream-status")).getText()).startsWith("Disconnected: the token has expired");
    driver.switchTo().defaultContent();
    browser.driver().executeScript("answer()");
    driver.switchTo().frame("widget");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), away));
    wait.until(ExpectedConditions.textToBe(By.id("stream-status"), "Live."));
    String live = request("live again");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), live));

    List<String> ours = approvals(driver).stream()
        .filter(t -> t.contains(before) || t.contains(away) || t.contains(live)).toList();
    assertThat(ours).as("newest first, each once").hasSize(3);
    assertThat(ours.get(0)).contains(live);
    assertThat(ours.get(1)).contains(away);
    assertThat(ours.get(2)).contains(before);
    driver.switchTo().defaultContent();
  }

  private String request(String scope) {
    return convener.approvals().request(ops, MemberId.of("ana"), Purpose.PROFILE_SHARE, scope).id().value();
  }

  private static List<String> approvals(org.openqa.selenium.WebDriver driver) {
    return driver.findElements(By.cssSelector("#notification-list li[data-kind='approval.requested']")).stream()
        .map(WebElement::getText).toList();
  }

  private String topChampion() {
    JsonNode doc = client.post("/v1/champions/discover", token, "{}").json();
    for (JsonNode c : doc.get("champions")) {
      if (c.get("roles").toString().contains("\"champion\"")) {
        return c.get("member").asText();
      }
    }
    throw new AssertionError("no champion in " + doc);
  }
}
