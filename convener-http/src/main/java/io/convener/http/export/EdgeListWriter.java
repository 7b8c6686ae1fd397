package io.convener.http.export;

import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The CSV edge list: a header row {@code source,target,weight}, then one row per directed edge,
 * nodes by label, fields quoted as RFC 4180 asks when they hold a comma, a quote or a line break.
 * Gephi's spreadsheet import and {@code pandas.read_csv} read it.
 */
final class EdgeListWriter {
  /** The header row. */
  static final String HEADER = "source,target,weight";

  private EdgeListWriter() {}

  static void write(NetworkGraph g, Writer out) throws IOException {
    out.write(HEADER + "\r\n");
    List<NetworkNode> nodes = g.nodes();
    for (NetworkEdge e : g.edges()) {
      out.write(field(nodes.get(e.source()).label()) + "," + field(nodes.get(e.target()).label()) + ","
          + NetworkFormat.number(e.weight()) + "\r\n");
    }
  }

  private static String field(String s) {
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
