package io.convener.http.export;

import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GEXF 1.3 (gexf.net): a static directed graph, node ids and labels the nodes' labels, the
 * metrics as declared node attributes and each edge's weight in its {@code weight} attribute.
 */
final class GexfWriter {
  /** The GEXF 1.3 namespace. */
  static final String NS = "http://gexf.net/1.3";
  private static final String[][] ATTRIBUTES = {
    {"pagerank", "double"}, {"betweenness", "double"}, {"community", "integer"}, {"role", "string"},
    {"anonymous", "boolean"}
  };

  private GexfWriter() {}

  static void write(NetworkGraph g, Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<gexf xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"" + NS + " " + NS + "/gexf.xsd\" version=\"1.3\">\n");
    out.write("  <meta lastmodifieddate=\"" + g.asOf().atOffset(ZoneOffset.UTC).toLocalDate() + "\">\n");
    out.write("    <creator>Convener</creator>\n");
    out.write("    <description>" + Xml.escape("Interaction network of the " + g.window().toDays()
        + " days to " + g.asOf() + "; " + g.anonymous() + " anonymous nodes; provenance entry "
        + g.provenanceId()) + "</description>\n");
    out.write("  </meta>\n");
    out.write("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    out.write("    <attributes class=\"node\" mode=\"static\">\n");
    for (int i = 0; i < ATTRIBUTES.length; i++) {
      out.write("      <attribute id=\"" + i + "\" title=\"" + ATTRIBUTES[i][0] + "\" type=\"" + ATTRIBUTES[i][1]
          + "\"/>\n");
    }
    out.write("    </attributes>\n    <nodes>\n");
    List<NetworkNode> nodes = g.nodes();
    for (NetworkNode n : nodes) {
      String label = Xml.escape(n.label());
      out.write("      <node id=\"" + label + "\" label=\"" + label + "\">\n        <attvalues>\n");
      String[] values = {
        NetworkFormat.number(n.pagerank()), NetworkFormat.number(n.betweenness()), Integer.toString(n.community()),
        NetworkFormat.roles(n), Boolean.toString(n.anonymous())
      };
      for (int i = 0; i < values.length; i++) {
        out.write("          <attvalue for=\"" + i + "\" value=\"" + Xml.escape(values[i]) + "\"/>\n");
      }
      out.write("        </attvalues>\n      </node>\n");
    }
    out.write("    </nodes>\n    <edges>\n");
    int id = 0;
    for (NetworkEdge e : g.edges()) {
      out.write("      <edge id=\"" + id++ + "\" source=\"" + Xml.escape(nodes.get(e.source()).label())
          + "\" target=\"" + Xml.escape(nodes.get(e.target()).label()) + "\" weight=\""
          + NetworkFormat.number(e.weight()) + "\"/>\n");
    }
    out.write("    </edges>\n  </graph>\n</gexf>\n");
  }
}
