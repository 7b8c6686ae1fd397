package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convener ingest FILE...}: takes members and events from JSON Lines or CSV files. */
@Command(
    name = "ingest",
    description = {
      "Take members and events from .jsonl or .csv files into the tenant.",
      "Bad lines are reported with their number and reason; the good lines are taken.",
      "Event ids are idempotent: ingesting a file again changes nothing."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest (.jsonl, .ndjson or .csv)")
  List<Path> files;

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    List<Target> targets = new ArrayList<>();
    for (Path file : files) {
      InputFormat format = InputFormat.forFileName(String.valueOf(file.getFileName()))
          .orElseThrow(() -> new InvalidInputException("FILE", "cannot tell the format of '" + file + "': use .jsonl or .csv"));
      InputFiles.requireReadable(file, "FILE");
      targets.add(new Target(file, format));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long members = 0, events = 0, duplicates = 0, rejectedCount = 0;
    List<Map<String, Object>> rejected = new ArrayList<>();
    try (Convener convener = Stores.open(root.options, spec)) {
      for (Target target : targets) {
        IngestReport report = ingest(convener, tenant, target, err);
        members += report.members();
        events += report.events();
        duplicates += report.duplicates();
        rejectedCount += report.rejectedCount();
        for (Rejection r : report.rejected()) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("file", target.file.toString());
          entry.put("line", r.line());
          r.field().ifPresent(f -> entry.put("field", f));
          entry.put("reason", r.describe());
          rejected.add(entry);
        }
        if (!root.options.json()) {
          printTable(out, target.file, report);
        }
      }
    }
    if (root.options.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("tenant", tenant.value());
      doc.put("accepted", members + events);
      doc.put("members", members);
      doc.put("events", events);
      doc.put("duplicates", duplicates);
      doc.put("rejectedCount", rejectedCount);
      doc.put("rejected", rejected);
      Json.print(out, doc);
    }
    return rejectedCount > 0 ? ConvenerCommand.PARTLY_REJECTED : ConvenerCommand.OK;
  }

  private static IngestReport ingest(Convener convener, TenantId tenant, Target target, PrintWriter err) {
    try (InputStream raw = Files.newInputStream(target.file);
        CountingInputStream in = new CountingInputStream(raw)) {
      long size = Files.size(target.file);
      Progress progress = new Progress(err, "ingesting " + target.file, () -> percent(in.count(), size));
      try {
        return convener.ingest().stream(GlobalOptions.operator(tenant), in, target.format);
      } finally {
        progress.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target.file, e);
    }
  }

  private static String percent(long done, long total) {
    long pct = total == 0 ? 100 : done * 100 / total;
    return pct + "% of " + (total >> 20) + " MiB";
  }

  private static void printTable(PrintWriter out, Path file, IngestReport report) {
    out.printf("%s: %d accepted (%d members, %d new events), %d duplicates, %d rejected%n",
        file, report.accepted(), report.members(), report.events(), report.duplicates(), report.rejectedCount());
    for (Rejection r : report.rejected()) {
      out.printf("  line %d: %s%n", r.line(), r.describe());
    }
    if (report.rejectedCount() > report.rejected().size()) {
      out.printf("  ... and %d more rejected lines%n", report.rejectedCount() - report.rejected().size());
    }
    out.flush();
  }

  private record Target(Path file, InputFormat format) {}
}
