package io.convener.http.export;

import static java.util.Objects.requireNonNull;

import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file format of the interaction network. Every format carries, per node, its label (the member
 * id of a named member, a random label for an anonymous one), PageRank, betweenness, community,
 * roles and whether it is anonymous, and per directed edge its weight. Numbers are written as Java
 * writes a {@code double}, which reads back to the same value. Thread-safe.
 */
public enum NetworkFormat {
  /** GraphML, directed, with typed attribute keys; NetworkX's {@code read_graphml} reads it. */
  GRAPHML("graphml", "application/graphml+xml"),
  /** GEXF 1.3 (namespace {@code http://gexf.net/1.3}), directed, static; Gephi opens it. */
  GEXF("gexf", "application/gexf+xml"),
  /** An edge list: a header {@code source,target,weight}, then one directed edge per row (RFC 4180). */
  CSV("csv", "text/csv"),
  /** The JSON document of {@link NetworkShapes#json}. */
  JSON("json", "application/json");

  private final String wireName;
  private final String contentType;

  NetworkFormat(String wireName, String contentType) {
    this.wireName = wireName;
    this.contentType = contentType;
  }

  /** The name used on the command line, in {@code ?format=} and as a file extension. */
  public String wireName() {
    return wireName;
  }

  /** The media type of the format, for {@code Content-Type}. */
  public String contentType() {
    return contentType;
  }

  /** The format named {@code name} ({@code graphml}, {@code gexf}, {@code csv}, {@code json}), ignoring case. */
  public static Optional<NetworkFormat> named(String name) {
    requireNonNull(name, "name");
    for (NetworkFormat f : values()) {
      if (f.wireName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format a file name's extension names (such as {@code net.graphml}), ignoring case. */
  public static Optional<NetworkFormat> ofFileName(String fileName) {
    requireNonNull(fileName, "fileName");
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : named(fileName.substring(dot + 1));
  }

  /**
   * Writes the network in this format. Does not close the writer.
   *
   * @throws IOException when the writer fails
   */
  public void write(NetworkGraph graph, Writer out) throws IOException {
    requireNonNull(graph, "graph");
    requireNonNull(out, "out");
    switch (this) {
      case GRAPHML -> GraphMlWriter.write(graph, out);
      case GEXF -> GexfWriter.write(graph, out);
      case CSV -> EdgeListWriter.write(graph, out);
      case JSON -> out.write(NetworkShapes.jsonText(graph));
    }
    out.flush();
  }

  /** The node's roles as written: {@code champion}, {@code connector}, both comma-separated, or {@code none}. */
  static String roles(NetworkNode n) {
    return n.roles().isEmpty()
        ? "none"
        : n.roles().stream().sorted().map(ChampionRole::wireName).collect(Collectors.joining(","));
  }

  /** A double as Java writes it (round-trips), for attributes. */
  static String number(double v) {
    return Double.toString(v);
  }
}
