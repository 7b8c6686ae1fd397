package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code convener graph}: the exported network is what NetworkX and Gephi read, holds one node per
 * member active in the window with the PageRank {@code metrics} prints, and never holds the id of a
 * member without consent to champion.recommendation (who is an anonymous node with its edges).
 */
class GraphCommandTest {
  /** Members who never consented: their ids must appear in no export. */
  static final List<String> HIDDEN = List.of("hidden-xq7", "quiet-zz9");
  static final String DATA =
      """
      {"type":"member","id":"ana","teams":["core"]}
      {"type":"member","id":"bo","teams":["core"]}
      {"type":"member","id":"cy","teams":["core"]}
      {"type":"member","id":"dee","teams":["web"]}
      {"type":"member","id":"hidden-xq7","teams":["web"]}
      {"type":"member","id":"quiet-zz9","teams":["web"]}
      {"type":"member","id":"idle","teams":["web"]}
      {"id":"e1","at":"2026-10-20T09:00:00Z","kind":"reply","actor":"ana","targets":["bo"]}
      {"id":"e2","at":"2026-10-20T09:05:00Z","kind":"reply","actor":"bo","targets":["cy"],"weight":2}
      {"id":"e3","at":"2026-10-20T09:10:00Z","kind":"mention","actor":"cy","targets":["ana","dee"]}
      {"id":"e4","at":"2026-10-21T09:00:00Z","kind":"reply","actor":"hidden-xq7","targets":["dee"]}
      {"id":"e5","at":"2026-10-21T09:05:00Z","kind":"reply","actor":"dee","targets":["hidden-xq7"]}
      {"id":"e6","at":"2026-10-22T09:00:00Z","kind":"meeting","actor":"cy","targets":["hidden-xq7","bo"]}
      {"id":"e7","at":"2026-10-23T09:00:00Z","kind":"message","actor":"quiet-zz9"}
      {"id":"e8","at":"2026-01-05T09:00:00Z","kind":"reply","actor":"idle","targets":["ana"]}
      {"id":"c1","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"ana","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c2","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"bo","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c3","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"cy","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c4","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"dee","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      {"id":"c5","at":"2026-10-01T00:00:00Z","kind":"consent","actor":"idle","attrs":{"purpose":"champion.recommendation","decision":"granted"}}
      """;
  /** Active in the 90 days to 2026-11-01: everybody but idle, whose only event is older. */
  static final int ACTIVE = 6;
  /** ana→bo, bo→cy, cy→ana, cy→dee, cy→bo, cy→hidden, hidden→dee, dee→hidden; quiet's message has no target. */
  static final int EDGES = 8;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db"), "--tenant", "acme",
        "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeEach
  void ingest() throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, DATA);
    assertThat(run("ingest", file.toString())).as(err.toString()).isZero();
  }

  @Test
  void networkxReadsTheGraphmlWithTheActiveMembersAndThePageRankMetricsPrints() throws Exception {
    assumeThat(networkx()).as("python3 with networkx (Debian python3-networkx) is needed; skipped").isTrue();
    Path file = dir.resolve("net.graphml");
    assertThat(run("graph", "--window", "90d", "--out", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Wrote " + ACTIVE + " nodes (2 anonymous)");
    JsonNode read = python("""
        import json, sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(json.dumps({"directed": g.is_directed(), "nodes": {n: d for n, d in g.nodes(data=True)},
            "edges": [[a, b, d["weight"]] for a, b, d in g.edges(data=True)]}))
        """, file);
    assertThat(read.get("directed").asBoolean()).isTrue();
    JsonNode nodes = read.get("nodes");
    assertThat(nodes.size()).isEqualTo(ACTIVE);
    assertThat(run("--format", "json", "metrics", "--window", "90d")).as(err.toString()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.toString()).get("members");
    int compared = 0;
    for (JsonNode m : metrics) {
      String id = m.get("member").asText();
      if (id.equals("idle")) {
        assertThat(nodes.has(id)).as("idle was not active in the window").isFalse();
        continue;
      }
      assertThat(nodes.get(id).get("pagerank").asDouble()).as(id).isEqualTo(m.get("pagerank").asDouble());
      assertThat(nodes.get(id).get("anonymous").asBoolean()).isFalse();
      compared++;
    }
    assertThat(compared).isEqualTo(4);
    List<String> anonymous = new ArrayList<>();
    for (java.util.Map.Entry<String, JsonNode> e : nodes.properties()) {
      if (e.getValue().get("anonymous").asBoolean()) {
        anonymous.add(e.getKey());
      }
    }
    assertThat(anonymous).hasSize(2).allMatch(l -> l.startsWith("anonymous-"));
    Set<String> withEdges = new HashSet<>();
    read.get("edges").forEach(e -> {
      withEdges.add(e.get(0).asText());
      withEdges.add(e.get(1).asText());
    });
    assertThat(anonymous.stream().filter(withEdges::contains)).as("hidden-xq7 keeps its ties").hasSize(1);
    String hidden = anonymous.stream().filter(withEdges::contains).findFirst().orElseThrow();
    List<String> ties = new ArrayList<>();
    read.get("edges").forEach(e -> ties.add(e.get(0).asText() + ">" + e.get(1).asText()));
    assertThat(ties).contains(hidden + ">dee", "dee>" + hidden, "cy>" + hidden);
    assertThat(read.get("edges")).hasSize(EDGES);
    assertNoHiddenId(file);
  }

  @Test
  void anonymousLabelsChangeFromOneExportToTheNext() throws Exception {
    Path a = dir.resolve("a.graphml");
    Path b = dir.resolve("b.graphml");
    assertThat(run("graph", "--out", a.toString())).as(err.toString()).isZero();
    assertThat(run("graph", "--out", b.toString())).as(err.toString()).isZero();
    Set<String> first = labels(a);
    Set<String> second = labels(b);
    assertThat(first).contains("ana", "bo", "cy", "dee").hasSize(ACTIVE);
    Set<String> shared = new HashSet<>(first);
    shared.retainAll(second);
    assertThat(shared).containsExactlyInAnyOrder("ana", "bo", "cy", "dee");
  }

  @Test
  void gexfIsWellFormedGexf13AndTheEdgeListHasItsHeader() throws Exception {
    Path gexf = dir.resolve("net.gexf");
    assertThat(run("graph", "--out", gexf.toString())).as(err.toString()).isZero();
    Document doc = parse(gexf);
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
    assertThat(root.getLocalName()).isEqualTo("gexf");
    assertThat(root.getAttribute("version")).isEqualTo("1.3");
    assertThat(doc.getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength()).isEqualTo(ACTIVE);
    assertThat(doc.getElementsByTagNameNS("http://gexf.net/1.3", "edge").getLength()).isEqualTo(EDGES);
    assertNoHiddenId(gexf);
    if (networkx()) {
      JsonNode read = python("""
          import json, sys, networkx as nx
          g = nx.read_gexf(sys.argv[1], version="1.3")
          print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
          """, gexf);
      assertThat(read.get("nodes").asInt()).isEqualTo(ACTIVE);
      assertThat(read.get("edges").asInt()).isEqualTo(EDGES);
    }
    Path csv = dir.resolve("edges.csv");
    assertThat(run("graph", "--out", csv.toString())).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("source,target,weight");
    assertThat(lines).hasSize(EDGES + 1).contains("bo,cy,2.0", "cy,bo,1.0");
    assertNoHiddenId(csv);
  }

  @Test
  void theExportPassesTheGateOnceAndBadOptionsAreUsageErrors() throws Exception {
    assertThat(run("--format", "json", "graph", "--out", dir.resolve("n.graphml").toString())).isZero();
    long id = new ObjectMapper().readTree(out.toString()).get("provenanceId").asLong();
    assertThat(run("--format", "json", "provenance", "--activity", "champion.network")).isZero();
    JsonNode events = new ObjectMapper().readTree(out.toString()).get("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("provenanceId").asLong()).isEqualTo(id);
    assertThat(run("graph", "--out", dir.resolve("net.png").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out", ".graphml, .gexf or .csv");
    assertThat(run("graph", "--out", dir.resolve("n.csv").toString(), "--window", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--window");
    assertThat(Files.exists(dir.resolve("n.csv"))).isFalse();
  }

  private static void assertNoHiddenId(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    for (String id : HIDDEN) {
      assertThat(text).as("no export holds the id of a member without consent").doesNotContain(id);
    }
  }

  private static Set<String> labels(Path graphml) throws Exception {
    NodeList nodes = parse(graphml).getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node");
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      labels.add(((Element) nodes.item(i)).getAttribute("id"));
    }
    return labels;
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /** Whether {@code python3 -c "import networkx"} works here. */
  static boolean networkx() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import networkx").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private JsonNode python(String script, Path file) throws Exception {
    Path py = dir.resolve("read.py");
    Files.writeString(py, script.stripIndent());
    Process p = new ProcessBuilder("python3", py.toString(), file.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return new ObjectMapper().readTree(output);
  }
}
