package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code GET /v1/graph} and {@code GET /v1/pulse/series} over loopback: each format with its media
 * type, no id of a member without consent, the series equal to single pulses, and bad parameters
 * answered with a problem naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewRoutesTest {
  static final String AS_OF = "2026-11-01T00:00:00Z";
  static final String HIDDEN = "hidden-xq7";

  Convener convener;
  ConvenerHttpServer server;
  Client client;
  String admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    admin = Tokens.token("acme", "ops", "admin");
    StringBuilder data = new StringBuilder();
    String[] members = {"ana", "bo", "cy", "dee", "eli", HIDDEN};
    for (String m : members) {
      data.append("{\"type\":\"member\",\"id\":\"").append(m).append("\",\"teams\":[\"core\"]}\n");
      if (!m.equals(HIDDEN)) {
        data.append("{\"id\":\"c-").append(m).append("\",\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"consent\",\"actor\":\"")
            .append(m).append("\",\"attrs\":{\"purpose\":\"champion.recommendation\",\"decision\":\"granted\"}}\n");
      }
    }
    for (int i = 0; i < 60; i++) {
      String at = Instant.parse(AS_OF).minusSeconds(3600L * 24 * (i + 1)).toString();
      data.append("{\"id\":\"e").append(i).append("\",\"at\":\"").append(at).append("\",\"kind\":\"reply\",\"actor\":\"")
          .append(members[i % 6]).append("\",\"targets\":[\"").append(members[(i + 1 + i / 6) % 6]).append("\"]}\n");
    }
    Client.Reply r = client.send(client.request("/v1/events", admin).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(data.toString())).build());
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void theNetworkComesInEveryFormatWithoutTheIdOfAMemberWithoutConsent() throws Exception {
    Client.Reply g = client.get("/v1/graph?format=graphml&window=90d&asOf=" + AS_OF, admin);
    assertThat(g.status()).as(g.raw().body()).isEqualTo(200);
    assertThat(g.header("Content-Type")).isEqualTo("application/graphml+xml; charset=utf-8");
    Document doc = parse(g.raw().body());
    assertThat(doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength()).isEqualTo(6);
    Client.Reply x = client.get("/v1/graph?format=gexf&asOf=" + AS_OF, admin);
    assertThat(x.header("Content-Type")).isEqualTo("application/gexf+xml; charset=utf-8");
    assertThat(parse(x.raw().body()).getDocumentElement().getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
    Client.Reply c = client.get("/v1/graph?format=csv&asOf=" + AS_OF, admin);
    assertThat(c.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(c.raw().body()).startsWith("source,target,weight\r\n");
    Client.Reply j = client.get("/v1/graph?format=json&asOf=" + AS_OF, admin);
    assertThat(j.json().get("nodes")).hasSize(6);
    assertThat(j.json().get("anonymous").asInt()).isEqualTo(1);
    for (Client.Reply reply : new Client.Reply[] {g, x, c, j}) {
      assertThat(reply.raw().body()).doesNotContain(HIDDEN);
    }
  }

  @Test
  void badParametersAndRolesAreRefused() {
    Client.Reply f = client.get("/v1/graph?format=png", admin);
    assertThat(f.status()).isEqualTo(400);
    assertThat(f.json().get("field").asText()).isEqualTo("format");
    Client.Reply w = client.get("/v1/graph?window=forever", admin);
    assertThat(w.status()).isEqualTo(400);
    assertThat(w.json().get("field").asText()).isEqualTo("window");
    Client.Reply lead = client.get("/v1/graph", Tokens.token("acme", "ana", "team_lead"));
    assertThat(lead.status()).isEqualTo(403);
    Client.Reply p = client.get("/v1/pulse/series?team=core&points=0", admin);
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.json().get("field").asText()).isEqualTo("points");
    Client.Reply s = client.get("/v1/pulse/series?team=core&step=1w", admin);
    assertThat(s.status()).isEqualTo(400);
    assertThat(s.json().get("field").asText()).isEqualTo("step");
  }

  @Test
  void theSeriesIsTheSinglePulsesOldestFirst() {
    Client.Reply r = client.get("/v1/pulse/series?team=core&points=4&step=7d&window=28d&asOf=" + AS_OF, admin);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    JsonNode series = r.json();
    assertThat(series.get("scope").asText()).isEqualTo("team:core");
    assertThat(series.get("step").asText()).isEqualTo("7d");
    JsonNode points = series.get("points");
    assertThat(points).hasSize(4);
    String asOfs = IntStream.range(0, 4).mapToObj(i -> points.get(i).get("asOf").asText()).collect(Collectors.joining(","));
    assertThat(asOfs).isEqualTo("2026-10-11T00:00:00Z,2026-10-18T00:00:00Z,2026-10-25T00:00:00Z,2026-11-01T00:00:00Z");
    for (JsonNode point : points) {
      assertThat(point.get("provenanceId").asLong()).isEqualTo(series.get("provenanceId").asLong());
      Client.Reply single = client.get("/v1/pulse/aggregate?team=core&window=28d&asOf=" + point.get("asOf").asText(),
          admin);
      assertThat(comparable(point)).isEqualTo(comparable(single.json()));
    }
  }

  @Test
  void aProjectionComesOnlyWhenAskedAndSaysWhyWhenThereIsNone() {
    String base = "/v1/pulse/series?team=core&step=7d&window=28d&asOf=" + AS_OF;
    assertThat(client.get(base + "&points=6", admin).json().has("projection")).isFalse();
    JsonNode six = client.get(base + "&points=6&project=true", admin).json().get("projection");
    JsonNode active = six.get("activeMembers");
    assertThat(active.get("asOf").asText()).isEqualTo("2026-11-08T00:00:00Z");
    assertThat(active.get("method").asText()).isEqualTo("holt-linear");
    assertThat(active.get("points").asInt()).isEqualTo(6);
    assertThat(active.get("low").asDouble()).isLessThanOrEqualTo(active.get("value").asDouble())
        .isGreaterThanOrEqualTo(active.get("low95").asDouble());
    assertThat(active.get("high").asDouble()).isGreaterThanOrEqualTo(active.get("value").asDouble())
        .isLessThanOrEqualTo(active.get("high95").asDouble());
    JsonNode three = client.get(base + "&points=3&project=true", admin).json().get("projection").get("activeMembers");
    assertThat(three.has("value")).isFalse();
    assertThat(three.get("unavailable").asText()).isEqualTo("needs 4 shown values, has 3");
    Client.Reply bad = client.get(base + "&project=yes", admin);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("project");
  }

  private static JsonNode comparable(JsonNode pulse) {
    ObjectNode copy = pulse.deepCopy();
    copy.remove("computedAt");
    copy.remove("provenanceId");
    return copy;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
