package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.backup.RestoreReport;
import io.convener.api.backup.TenantBackup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener restore --in FILE}: restores every tenant of a backup into the store of {@code
 * --db}. Exit 4 when the file is damaged, truncated, foreign or newer, or a restored log does not
 * verify (nothing is left then); 1 when the store already holds a tenant of the file or the key
 * directory lacks the tenant's keys (nothing is written).
 */
@Command(
    name = "restore",
    description = {
      "Restore every tenant of a backup file (from 'convener backup') into the store (--db): H2, SQLite or PostgreSQL.",
      "The whole file is checked before anything is written, and each restored log is verified against the",
      "backup's checkpoint. Exits 4 for a damaged, truncated, foreign or newer file; 1 when the store already holds",
      "a tenant of the file or the key directory lacks the tenant's keys. Nothing is written in either case."
    })
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The backup file to restore")
  Path in;

  @Override
  public Integer call() {
    RestoreReport report;
    try (Convener convener = Stores.open(root.options, spec)) {
      report = convener.backups().restore(in);
    } catch (IllegalStateException e) {
      CliErrors.print(spec.commandLine().getErr(), e.getMessage());
      return ConvenerCommand.ERROR;
    }
    List<TenantBackup> tenants = report.tenants().stream()
        .map(r -> report.manifest().tenant(r.tenant()).orElseThrow()).toList();
    BackupCommand.print(spec.commandLine().getOut(), root.options.json(), in, tenants, "restored");
    return ConvenerCommand.OK;
  }
}
