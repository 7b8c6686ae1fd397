package io.convener.examples.report;

import static io.convener.examples.report.Markup.esc;
import static io.convener.examples.report.Markup.num;

import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.NetworkEdge;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The network picture: the most central members (by PageRank, at most {@link #MAX_NODES}) placed
 * by a seeded force layout, coloured by community, sized by PageRank. Only named nodes (members
 * who consent to {@code champion.recommendation}) carry a name; anonymous nodes are drawn, never
 * labelled, and their export labels are not written.
 */
final class NetworkSection {
  static final int MAX_NODES = 250;
  private static final int SIZE = 720;
  private static final int MARGIN = 40;
  private static final long SEED = 20_261_101L;

  private NetworkSection() {}

  static void render(StringBuilder out, NetworkGraph g) {
    out.append("<section id=\"network\"><h2>The collaboration network</h2>\n");
    if (g.nodes().isEmpty()) {
      out.append("<p>Nobody was active in the window.</p></section>\n");
      return;
    }
    List<Integer> drawn = drawn(g);
    int[] slot = new int[g.nodes().size()];
    Arrays.fill(slot, -1);
    for (int i = 0; i < drawn.size(); i++) {
      slot[drawn.get(i)] = i;
    }
    List<NetworkEdge> edges = g.edges().stream().filter(e -> slot[e.source()] >= 0 && slot[e.target()] >= 0).toList();
    int[] from = edges.stream().mapToInt(e -> slot[e.source()]).toArray();
    int[] to = edges.stream().mapToInt(e -> slot[e.target()]).toArray();
    double[] w = edges.stream().mapToDouble(NetworkEdge::weight).toArray();
    double[][] xy = new ForceLayout(drawn.size(), from, to, w, SEED).run(120);
    out.append("<p>").append(drawn.size()).append(" of ").append(g.nodes().size())
        .append(" active members, the most central by PageRank; colour is the community, size the PageRank. ")
        .append(g.anonymous()).append(" members have not consented to be named and are drawn without a name.</p>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Collaboration network, coloured"
        + " by community\" width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\" viewBox=\"0 0 ")
        .append(SIZE).append(' ').append(SIZE).append("\">\n<g class=\"edges\">\n");
    double maxW = Arrays.stream(w).max().orElse(1);
    for (int e = 0; e < from.length; e++) {
      out.append("<line x1=\"").append(num(px(xy[0][from[e]]))).append("\" y1=\"").append(num(px(xy[1][from[e]])))
          .append("\" x2=\"").append(num(px(xy[0][to[e]]))).append("\" y2=\"").append(num(px(xy[1][to[e]])))
          .append("\" stroke-opacity=\"").append(Markup.fmt(0.15 + 0.6 * w[e] / maxW, 2)).append("\"/>\n");
    }
    out.append("</g>\n<g class=\"nodes\">\n");
    double maxPr = drawn.stream().mapToDouble(i -> g.nodes().get(i).pagerank()).filter(Double::isFinite).max().orElse(1);
    for (int i = 0; i < drawn.size(); i++) {
      node(out, g.nodes().get(drawn.get(i)), px(xy[0][i]), px(xy[1][i]), maxPr);
    }
    out.append("</g></svg></section>\n");
  }

  private static void node(StringBuilder out, NetworkNode n, double x, double y, double maxPr) {
    double pr = Double.isFinite(n.pagerank()) ? n.pagerank() : 0;
    double r = 3 + 9 * Math.sqrt(pr / maxPr);
    String roles = n.roles().stream().sorted().map(ChampionRole::wireName).collect(Collectors.joining(", "));
    String title = n.member().map(m -> m.value().value()).orElse("a member who has not consented to be named")
        + "; community " + n.community() + (roles.isEmpty() ? "" : "; " + roles);
    out.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(r))
        .append("\" fill=\"").append(Markup.colour(n.community())).append('"')
        .append(n.roles().isEmpty() ? "" : " class=\"role\"").append("><title>").append(esc(title))
        .append("</title></circle>\n");
    if (n.member().isPresent() && (!n.roles().isEmpty() || r > 8)) {
      out.append("<text x=\"").append(num(x + r + 2)).append("\" y=\"").append(num(y + 4)).append("\" class=\"name\">")
          .append(esc(n.member().get().value().value())).append("</text>\n");
    }
  }

  /** The nodes to draw, most central first, in an order that does not depend on the random labels. */
  private static List<Integer> drawn(NetworkGraph g) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < g.nodes().size(); i++) {
      all.add(i);
    }
    Comparator<Integer> central = Comparator.comparingDouble((Integer i) -> -finite(g.nodes().get(i).pagerank()))
        .thenComparingDouble(i -> -finite(g.nodes().get(i).betweenness()))
        .thenComparingInt(i -> g.nodes().get(i).community());
    all.sort(central);
    return all.subList(0, Math.min(MAX_NODES, all.size()));
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  private static double px(double unit) {
    return MARGIN + unit * (SIZE - 2 * MARGIN);
  }
}
