package io.convener.examples.cli;

import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.StoreRepair;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener repair}: checks an embedded database file after a crash and, for H2, rebuilds it
 * from H2's recovery script, keeping the damaged original aside ({@link StoreRepair}). Takes no
 * tenant: it works on the whole file, and only while no other process has it open. Exit 0 when the
 * database is sound or rebuilt, 4 when SQLite's integrity check finds problems.
 */
@Command(
    name = "repair",
    description = {
      "Check an embedded database file (--db, default the SQLite store) after a crash; rebuild an H2 file.",
      "H2: the damaged file moves to NAME-damaged-TIME/ beside it, H2's Recover tool writes a script there,",
      "and the script is replayed into a fresh file at the original path. SQLite: PRAGMA integrity_check.",
      "Stop every process that uses the database first. Exits 4 when SQLite reports problems."
    })
final class RepairCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StoreRepair repair;
    try {
      JdbcSettings settings = root.options.db == null ? JdbcSettings.defaults() : JdbcSettings.of(root.options.db);
      repair = new StoreRepair(settings, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--db': " + e.getMessage());
    }
    StoreRepair.Report report = repair.run();
    PrintWriter out = spec.commandLine().getOut();
    if (root.options.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("database", report.database());
      document.put("ok", report.ok());
      document.put("findings", report.findings());
      report.keptAside().ifPresent(aside -> document.put("keptAside", aside.toString()));
      Json.print(out, document);
    } else {
      out.println(report.database() + ": " + (report.ok() ? "ok" : "problems found"));
      report.findings().forEach(f -> out.println("  " + f));
      report.keptAside().ifPresent(aside -> out.println("  the damaged original is kept in " + aside));
      out.flush();
    }
    return report.ok() ? ConvenerCommand.OK : ConvenerCommand.VERIFICATION_FAILED;
  }
}
