package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.VerificationResult;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.JsonLinesWriter;
import io.convener.testing.synthetic.SyntheticOrganisation;
import io.convener.testing.synthetic.SyntheticTeam;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener demo}: makes a synthetic organisation, writes it as JSON Lines (with three broken
 * lines appended on purpose), ingests the file twice and prints what Convener can tell so far.
 */
@Command(
    name = "demo",
    description = {
      "Make a realistic synthetic organisation, ingest it, and print a readable report.",
      "The tenant defaults to demo-YYYY-MM-DD (the --as-of day), so a rerun the same day is idempotent."
    })
final class DemoCommand implements Callable<Integer> {
  /** Three lines that must be rejected: bad JSON, a missing actor, a timestamp that is not one. */
  static final String BROKEN_LINES =
      """
      {"id":"demo-broken-1","at":"2026-01-01T00:00:00Z","kind":
      {"id":"demo-broken-2","at":"2026-01-01T00:00:00Z","kind":"message"}
      {"id":"demo-broken-3","at":"the day before yesterday","kind":"message","actor":"m0001"}
      """;

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--members", paramLabel = "N", description = "Members of the organisation (default: ${DEFAULT-VALUE})")
  int members = 300;

  @Option(names = "--weeks", paramLabel = "N", description = "Weeks of activity (default: ${DEFAULT-VALUE})")
  int weeks = 12;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE})")
  Path report = Path.of("convener-data", "demo-report.html");

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the generator (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() throws IOException {
    Instant end = root.options.asOf(spec).truncatedTo(ChronoUnit.DAYS);
    TenantId tenant = root.options.tenant == null
        ? TenantId.of("demo-" + end.atOffset(ZoneOffset.UTC).toLocalDate())
        : root.options.tenant(spec);
    SyntheticOrganisation settings = settings(end);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    GeneratedOrganisation org = settings.generate();
    Path file = Files.createTempFile("convener-demo-", ".jsonl");
    try {
      Map<EventKind, Long> kinds = write(org, file, err);
      try (Convener convener = Stores.open(root.options, spec)) {
        IngestReport first = ingest(convener, tenant, file, err);
        IngestReport again = ingest(convener, tenant, file, err);
        printReport(out, tenant, org, kinds, file, first, again);
        LearningSection.print(out, convener, tenant, end.plus(1, ChronoUnit.DAYS));
        PulseTable.print(out, convener, tenant, org, end);
        DemoChampions.print(out, convener, tenant, org, end);
        printTrust(out, convener, tenant);
        Optional<EventId> innovation = DemoInnovation.print(out, convener, tenant, org);
        ReportCommand.demo(convener, tenant, end, innovation, report);
        out.printf("Report written to %s: open it in a browser (one file, no scripts, nothing fetched)%n",
            report.toAbsolutePath());
        out.flush();
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return ConvenerCommand.OK;
  }

  private SyntheticOrganisation settings(Instant end) {
    try {
      return SyntheticOrganisation.builder().seed(seed).members(members).weeks(weeks).end(end).build();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static Map<EventKind, Long> write(GeneratedOrganisation org, Path file, PrintWriter err) throws IOException {
    Map<EventKind, Long> kinds = new EnumMap<>(EventKind.class);
    AtomicLong written = new AtomicLong();
    Progress progress = new Progress(err, "generating the organisation", () -> written.get() + " events");
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonLinesWriter lines = JsonLinesWriter.to(raw)) {
      org.members().forEach(lines::member);
      for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
        Event e = it.next();
        lines.event(e);
        kinds.merge(e.kind(), 1L, Long::sum);
        written.incrementAndGet();
      }
      lines.flush();
      raw.write(BROKEN_LINES.getBytes(StandardCharsets.UTF_8));
    } finally {
      progress.close();
    }
    return kinds;
  }

  private static IngestReport ingest(Convener convener, TenantId tenant, Path file, PrintWriter err) {
    try (InputStream raw = Files.newInputStream(file);
        CountingInputStream in = new CountingInputStream(raw)) {
      long size = Files.size(file);
      Progress progress = new Progress(err, "ingesting", () -> (in.count() * 100 / Math.max(1, size)) + "%");
      try {
        return convener.ingest().stream(GlobalOptions.operator(tenant), in, InputFormat.JSON_LINES);
      } finally {
        progress.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void printReport(
      PrintWriter out,
      TenantId tenant,
      GeneratedOrganisation org,
      Map<EventKind, Long> kinds,
      Path file,
      IngestReport first,
      IngestReport again) throws IOException {
    long events = kinds.values().stream().mapToLong(Long::longValue).sum();
    out.printf("Convener demo — tenant %s%n%n", tenant);
    out.printf("Synthetic organisation (seed %d): %d members in %d teams, %d org units, %d cohorts,%n",
        org.settings().seed(), org.members().size(), org.teams().size(), org.orgUnits().size(), org.cohorts().size());
    out.printf("%d weeks from %s to %s: %,d events, %d deliberate connectors, %d silent members.%n%n",
        org.settings().weeks(), org.start(), org.end(), events, org.connectors().size(), org.silentMembers().size());

    out.println("Events by kind");
    kinds.forEach((kind, n) -> out.printf("  %-12s %,9d%n", kind.wireName(), n));
    out.println();

    out.println("Teams");
    out.printf("  %-12s %-22s %7s  %s%n", "team", "org unit", "members", "trend");
    for (SyntheticTeam team : org.teams()) {
      out.printf("  %-12s %-22s %7d  %s%n",
          team.id(), team.org(), team.members().size(), team.profile().trend().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    out.println();

    out.printf("Ingestion of a %,d KiB JSON Lines file with 3 broken lines appended on purpose%n", Files.size(file) >> 10);
    out.printf("  first run : %,d accepted (%,d members, %,d new events), %,d duplicates, %d rejected%n",
        first.accepted(), first.members(), first.events(), first.duplicates(), first.rejectedCount());
    for (Rejection r : first.rejected()) {
      out.printf("              line %d: %s%n", r.line(), r.describe());
    }
    out.printf("  second run: %,d new events, %,d duplicates — ingestion is idempotent by event id%n",
        again.events(), again.duplicates());
    out.println();
    out.flush();
  }

  /** What the trust core can tell: consent per purpose, and the log's verification and checkpoint. */
  private static void printTrust(PrintWriter out, Convener convener, TenantId tenant) {
    out.println("Consent (from the organisation's consent events; default deny)");
    Principal auditor = Principal.of(tenant, "demo-auditor", Role.COMPLIANCE_OFFICER);
    for (Purpose purpose : convener.consent().policy(auditor).enabled().stream().sorted().toList()) {
      out.printf("  %-26s %4d members may be named%n", purpose.name(),
          convener.consent().granted(auditor, Optional.of(purpose)).size());
    }
    out.println();
    VerificationResult verified = convener.provenance().verify(auditor);
    Checkpoint checkpoint = convener.provenance().checkpoint(auditor);
    out.printf("Provenance log: %d entries, %s; signed checkpoint at size %d, root %s%n",
        verified.entries(), verified.verified() ? "verified" : "NOT verified", checkpoint.treeSize(),
        checkpoint.head().root().hex().substring(0, 16) + "...");
    out.println();
    out.printf("Try: ./convener --tenant %s provenance --verify   (see docs/cli.md)%n", tenant);
    out.flush();
  }
}
