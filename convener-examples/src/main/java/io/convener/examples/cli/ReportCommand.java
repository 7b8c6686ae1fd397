package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.examples.report.ReportData;
import io.convener.examples.report.ReportGatherer;
import io.convener.examples.report.ReportPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener report --out report.html}: one self-contained HTML file (inline SVG and CSS, no
 * script, nothing fetched) with each team's pulse trend, the champions and connectors, the
 * network coloured by community, an innovation's spread tree and the learning credit.
 */
@Command(
    name = "report",
    description = {
      "Write one self-contained HTML report: pulse heatmap with trends, champions and connectors, the",
      "network coloured by community (naming consenting members only), an innovation's spread tree and",
      "learning credit. No scripts, nothing loaded from elsewhere."
    })
final class ReportCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write, FILE.html")
  Path out;

  @Option(names = "--window", paramLabel = "90d", description = "Window of the ranking and the network (default 90d)")
  String window = "90d";

  @Option(names = "--innovation", paramLabel = "ID", description = "The innovation whose spread tree to draw")
  @Nullable String innovation;

  @Override
  public Integer call() throws IOException {
    TenantId tenant = root.options.requireTenant(spec);
    String name = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
    if (!name.endsWith(".html") && !name.endsWith(".htm")) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': the name must end in .html: '"
          + out + "'");
    }
    Optional<EventId> id;
    try {
      id = Optional.ofNullable(innovation).map(EventId::of);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--innovation': " + e.getMessage());
    }
    Duration length = Windows.parse(spec, window);
    ReportData data;
    try (Convener convener = Stores.open(root.options, spec)) {
      data = ReportGatherer.gather(convener, GlobalOptions.operator(tenant), root.options.asOf(spec), length, id);
    }
    write(data, out);
    PrintWriter stdout = spec.commandLine().getOut();
    if (root.options.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("out", out.toString());
      doc.put("teams", data.teams().size());
      doc.put("champions", data.champions().champions().size());
      doc.put("nodes", data.network().nodes().size());
      Json.print(stdout, doc);
    } else {
      stdout.printf("Wrote the report to %s%n", out);
      stdout.flush();
    }
    return ConvenerCommand.OK;
  }

  /** Writes the report next to {@code out} and moves it into place, so no half-written file is left. */
  static void write(ReportData data, Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    try {
      Files.writeString(temp, ReportPage.render(data), StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The report of the demo's tenant, written to {@code out}; used by {@code convener demo}. */
  static void demo(Convener convener, TenantId tenant, Instant asOf, Optional<EventId> innovation, Path out)
      throws IOException {
    write(ReportGatherer.gather(convener, GlobalOptions.operator(tenant), asOf, Duration.ofDays(90), innovation), out);
  }
}
