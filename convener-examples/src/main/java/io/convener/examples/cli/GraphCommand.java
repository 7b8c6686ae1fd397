package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.champion.NetworkGraph;
import io.convener.api.champion.NetworkQuery;
import io.convener.http.export.NetworkFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener graph --window 90d --out FILE}: the window's interaction network as a file for
 * Gephi, NetworkX or a spreadsheet, the format taken from the extension. The file is written next
 * to its final name and moved into place, so a failed export leaves no half-written file.
 */
@Command(
    name = "graph",
    description = {
      "Export the interaction network of the window: .graphml (NetworkX, Gephi, yEd), .gexf (GEXF 1.3,",
      "Gephi) or .csv (edge list). Nodes carry PageRank, betweenness, community and role; edges their",
      "weight. Members without consent to champion.recommendation are anonymous nodes: no id, no name,",
      "a label drawn at random for each export; they keep their edges."
    })
final class GraphCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--window", paramLabel = "90d", description = "Window length ending at --as-of (default 90d)")
  String window = "90d";

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write: FILE.graphml, FILE.gexf or FILE.csv")
  Path out;

  @Override
  public Integer call() throws IOException {
    TenantId tenant = root.options.requireTenant(spec);
    NetworkFormat format = Optional.ofNullable(out.getFileName()).flatMap(n -> NetworkFormat.ofFileName(n.toString()))
        .filter(f -> f != NetworkFormat.JSON)
        .orElseThrow(() -> new ParameterException(spec.commandLine(),
            "Invalid value for option '--out': the name must end in .graphml, .gexf or .csv: '" + out + "'"));
    NetworkQuery query = NetworkQuery.defaults().withWindow(Windows.parse(spec, window))
        .withAsOf(root.options.asOf(spec));
    NetworkGraph graph;
    try (Convener convener = Stores.open(root.options, spec)) {
      graph = convener.champions().network(GlobalOptions.operator(tenant), query);
    }
    write(graph, format);
    PrintWriter stdout = spec.commandLine().getOut();
    if (root.options.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("out", out.toString());
      doc.put("format", format.wireName());
      doc.put("nodes", graph.nodes().size());
      doc.put("anonymous", graph.anonymous());
      doc.put("edges", graph.edges().size());
      doc.put("provenanceId", graph.provenanceId());
      Json.print(stdout, doc);
    } else {
      stdout.printf("Wrote %d nodes (%d anonymous) and %d edges to %s (provenance entry %d)%n", graph.nodes().size(),
          graph.anonymous(), graph.edges().size(), out, graph.provenanceId());
      stdout.flush();
    }
    return ConvenerCommand.OK;
  }

  private void write(NetworkGraph graph, NetworkFormat format) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    try {
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        format.write(graph, w);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
