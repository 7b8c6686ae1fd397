package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.TenantId;
import io.convener.api.champion.MemberMetrics;
import io.convener.api.champion.MetricsQuery;
import io.convener.api.champion.MetricsReport;
import io.convener.examples.cli.Table.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener metrics}: raw per-member graph metrics of the window's interaction graph, as the
 * contract defines it, for analysts. Values that are undefined (constraint of a member without
 * ties) are null in JSON.
 */
@Command(
    name = "metrics",
    description = {
      "Raw per-member graph metrics for analysts: degree, strength, PageRank, betweenness, closeness,",
      "eigenvector, Burt's constraint and effective size, clustering, community; and the modularity.",
      "Only members who consent to champion.recommendation are listed; the others are counted."
    })
final class MetricsCommand implements Callable<Integer>, Tabular {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--window", paramLabel = "90d", description = "Window length ending at --as-of (default 90d)")
  String window = "90d";

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    MetricsQuery query = MetricsQuery.defaults().withWindow(Windows.parse(spec, window))
        .withAsOf(root.options.asOf(spec));
    try (Convener convener = Stores.open(root.options, spec)) {
      MetricsReport r = convener.champions().metrics(GlobalOptions.operator(tenant), query);
      PrintWriter out = spec.commandLine().getOut();
      if (root.options.json()) {
        Json.print(out, json(r));
      } else {
        table(r).print(out, root.options.format);
        if (root.options.csv()) {
          return ConvenerCommand.OK;
        }
        out.printf(Locale.ROOT, "modularity %.4f; %d listed, %d without consent not named; provenance entry %d%n",
            r.modularity(), r.members().size(), r.withheld(), r.provenanceId());
        out.flush();
      }
      return ConvenerCommand.OK;
    }
  }

  private static Table table(MetricsReport r) {
    Table t = new Table(Column.text("member"), Column.number("degree", 0), Column.number("strength", 3),
        Column.number("pagerank", 5), Column.number("betweenness", 5), Column.number("closeness", 5),
        Column.number("eigenvector", 5), Column.number("constraint", 4), Column.number("effectiveSize", 3),
        Column.number("clustering", 4), Column.number("community", 0));
    for (MemberMetrics m : r.members()) {
      t.row(m.member().value().value(), m.degree(), m.strength(), m.pagerank(), m.betweenness(), m.closeness(),
          m.eigenvector(), m.constraint(), m.effectiveSize(), m.clustering(), m.community());
    }
    return t;
  }

  private static Map<String, Object> json(MetricsReport r) {
    List<Map<String, Object>> members = new ArrayList<>();
    for (MemberMetrics m : r.members()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("member", m.member().value().value());
      x.put("degree", m.degree());
      x.put("strength", Windows.number(m.strength()));
      x.put("pagerank", Windows.number(m.pagerank()));
      x.put("betweenness", Windows.number(m.betweenness()));
      x.put("closeness", Windows.number(m.closeness()));
      x.put("eigenvector", Windows.number(m.eigenvector()));
      x.put("constraint", Windows.number(m.constraint()));
      x.put("effectiveSize", Windows.number(m.effectiveSize()));
      x.put("clustering", Windows.number(m.clustering()));
      x.put("community", m.community());
      members.add(x);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("members", members);
    doc.put("modularity", Windows.number(r.modularity()));
    doc.put("withheld", r.withheld());
    Map<String, Object> exactness = new LinkedHashMap<>();
    r.exactness().forEach((k, v) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("exact", v.exact());
      e.put("samples", v.samples());
      e.put("errorBound", v.errorBound());
      e.put("method", v.method());
      exactness.put(k, e);
    });
    doc.put("exactness", exactness);
    doc.put("unavailable", r.unavailable());
    doc.put("provenanceId", r.provenanceId());
    return doc;
  }
}
