package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.TenantBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener backup --out FILE (--tenant T | --all-tenants)}: a consistent, compressed,
 * verifiable backup of one tenant or all, taken while the store keeps serving (see
 * docs/operations.md). The file is written beside its final name and moved there when complete.
 */
@Command(
    name = "backup",
    description = {
      "Back up the tenant (--tenant) or every tenant (--all-tenants) of the store into one zip file: a consistent",
      "snapshot taken while the store keeps serving, with a manifest of row counts, part digests and a signed",
      "checkpoint of each tenant's log. Personal data stays encrypted; back up the key directory separately.",
      "Restore it with 'convener restore --in FILE', into this or any other supported database."
    })
final class BackupCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (replaced when it exists)")
  Path out;

  @Option(names = "--all-tenants", description = "Back up every tenant of the store instead of --tenant")
  boolean allTenants;

  @Override
  public Integer call() {
    if (allTenants == (root.options.tenant != null)) {
      throw new ParameterException(spec.commandLine(), "give --tenant ID or --all-tenants (one of them)");
    }
    BackupRequest request = allTenants ? BackupRequest.allTenants() : BackupRequest.of(root.options.requireTenant(spec));
    BackupManifest manifest;
    try (Convener convener = Stores.open(root.options, spec)) {
      manifest = convener.backups().write(request, out);
    }
    print(spec.commandLine().getOut(), root.options.json(), out, manifest.tenants(), "backed up");
    return ConvenerCommand.OK;
  }

  /** Prints what a backup or restore did: one JSON document, or a line per tenant. */
  static void print(PrintWriter out, boolean json, Path file, List<TenantBackup> tenants, String verb) {
    if (json) {
      List<Map<String, Object>> documents = tenants.stream().map(t -> document(file, t)).toList();
      Json.print(out, documents.size() == 1 ? documents.get(0) : Map.of("file", file.toString(), "tenants", documents));
      return;
    }
    for (TenantBackup t : tenants) {
      out.println(verb + " tenant " + t.tenant() + ": " + t.rows("members") + " members, " + t.rows("events")
          + " events, " + t.rows("provenance_entries") + " log entries" + t.checkpoint()
              .map(c -> ", checkpoint " + c.treeSize() + " " + c.root().hex()).orElse(""));
    }
    out.println((verb.equals("backed up") ? "written to " : "from ") + file);
    out.flush();
  }

  private static Map<String, Object> document(Path file, TenantBackup t) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("tenant", t.tenant().value());
    d.put("events", t.rows("events"));
    d.put("members", t.rows("members"));
    d.put("checkpoint", t.checkpoint().map(c -> c.toText()).orElse(null));
    d.put("file", file.toString());
    d.put("rows", t.rows());
    d.put("keyEncryptionKeys", t.keyEncryptionKeyIds());
    return d;
  }
}
