package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §5 through the command: two {@code convener serve} nodes on one SQLite file with {@code
 * --shared-quotas} hold a tenant's {@code --quota} across both, and an {@code --unmetered-subject}
 * passes it.
 */
class ServeQuotasTest {
  private static final String SECRET = "a serve test secret of at least 32 bytes, for tests only";
  private static final String ISSUER = "https://login.example.com/";

  @TempDir Path dir;
  private final List<Thread> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Thread t : nodes) {
      t.interrupt();
      t.join(10_000);
    }
  }

  /** Starts a serve thread and returns its base URI once it listens. */
  private URI serve(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("--db", "jdbc:sqlite:" + dir.resolve("shared.db"), "serve", "--port",
        "0", "--issuer", ISSUER, "--hmac-secret-env", "SERVE_SECRET"));
    args.addAll(List.of(extra));
    Thread t = new Thread(() -> ConvenerCommand.run(args.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true), Map.of("SERVE_SECRET", SECRET)::get), "serve-" + nodes.size());
    nodes.add(t);
    t.start();
    Matcher m = Pattern.compile("serving (http://\\S+)/v1/").matcher("");
    await().atMost(Duration.ofSeconds(30)).until(() -> m.reset(out.toString()).find() || !t.isAlive());
    assertThat(m.reset(out.toString()).find()).as(err.toString()).isTrue();
    return URI.create(m.group(1));
  }

  private static String token(String subject) throws Exception {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"convener\",\"sub\":\"" + subject
        + "\",\"tenant\":\"acme\",\"roles\":[\"compliance_officer\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"default\"}".getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** How many of {@code n} provenance reads by {@code subject}, alternating between the nodes, got 200. */
  private static int accepted(List<URI> bases, String subject, int n) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String bearer = "Bearer " + token(subject);
    int ok = 0;
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(bases.get(i % 2).resolve("/v1/provenance/events?limit=1"))
          .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
      if (r.statusCode() == 200) {
        ok++;
      } else {
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      }
    }
    return ok;
  }

  @Test
  void aTenantsQuotaHoldsAcrossTwoServeNodesAndAnUnmeteredSubjectPassesIt() throws Exception {
    String[] options = {"--shared-quotas", "--quota", "provenance=10/1h", "--unmetered-subject", "consent-sync"};
    List<URI> bases = List.of(serve(options), serve(options));

    // each subject may use half of the tenant's quota; two subjects together use all of it
    int first = accepted(bases, "audrey", 12);
    int second = accepted(bases, "bruno", 12);
    assertThat(first).as("one subject's share over both nodes").isEqualTo(5);
    assertThat(first + second).as("the tenant's quota over both nodes; in memory each node would allow 10")
        .isEqualTo(10);
    assertThat(accepted(bases, "consent-sync", 30)).as("the unmetered subject").isEqualTo(30);
  }

  @Test
  void aMalformedQuotaIsAUsageErrorNamingTheOption() {
    StringWriter err = new StringWriter();
    int code = ConvenerCommand.run(new String[] {"--db", "jdbc:sqlite:" + dir.resolve("x.db"), "serve", "--port", "0",
        "--issuer", ISSUER, "--hmac-secret-env", "SERVE_SECRET", "--quota", "provenance=ten/1h"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of("SERVE_SECRET", SECRET)::get);
    assertThat(code).isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("--quota").contains("provenance=ten/1h");
  }
}
