package io.convener.http.export;

import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GraphML (graphml.graphdrawing.org): a directed graph whose node ids are the nodes' labels, with
 * typed keys that NetworkX's {@code read_graphml} turns into node, edge and graph attributes.
 */
final class GraphMlWriter {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphMlWriter() {}

  static void write(NetworkGraph g, Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<graphml xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"" + NS + " " + NS + "/1.0/graphml.xsd\">\n");
    key(out, "asOf", "graph", "string");
    key(out, "window", "graph", "string");
    key(out, "provenanceId", "graph", "long");
    key(out, "anonymousNodes", "graph", "int");
    key(out, "modularity", "graph", "double");
    key(out, "label", "node", "string");
    key(out, "pagerank", "node", "double");
    key(out, "betweenness", "node", "double");
    key(out, "community", "node", "int");
    key(out, "role", "node", "string");
    key(out, "anonymous", "node", "boolean");
    key(out, "weight", "edge", "double");
    out.write("  <graph id=\"G\" edgedefault=\"directed\">\n");
    data(out, "    ", "asOf", g.asOf().toString());
    data(out, "    ", "window", g.window().toString());
    data(out, "    ", "provenanceId", Long.toString(g.provenanceId()));
    data(out, "    ", "anonymousNodes", Integer.toString(g.anonymous()));
    data(out, "    ", "modularity", NetworkFormat.number(g.modularity()));
    List<NetworkNode> nodes = g.nodes();
    for (NetworkNode n : nodes) {
      out.write("    <node id=\"" + Xml.escape(n.label()) + "\">\n");
      data(out, "      ", "label", n.label());
      data(out, "      ", "pagerank", NetworkFormat.number(n.pagerank()));
      data(out, "      ", "betweenness", NetworkFormat.number(n.betweenness()));
      data(out, "      ", "community", Integer.toString(n.community()));
      data(out, "      ", "role", NetworkFormat.roles(n));
      data(out, "      ", "anonymous", Boolean.toString(n.anonymous()));
      out.write("    </node>\n");
    }
    for (NetworkEdge e : g.edges()) {
      out.write("    <edge source=\"" + Xml.escape(nodes.get(e.source()).label()) + "\" target=\""
          + Xml.escape(nodes.get(e.target()).label()) + "\">\n");
      data(out, "      ", "weight", NetworkFormat.number(e.weight()));
      out.write("    </edge>\n");
    }
    out.write("  </graph>\n</graphml>\n");
  }

  private static void key(Writer out, String name, String domain, String type) throws IOException {
    out.write("  <key id=\"" + name + "\" for=\"" + domain + "\" attr.name=\"" + name + "\" attr.type=\"" + type
        + "\"/>\n");
  }

  private static void data(Writer out, String indent, String key, String value) throws IOException {
    out.write(indent + "<data key=\"" + key + "\">" + Xml.escape(value) + "</data>\n");
  }
}
