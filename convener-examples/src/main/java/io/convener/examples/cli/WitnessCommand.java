package io.convener.examples.cli;

import io.convener.api.TenantId;
import io.convener.examples.witness.Witness;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code convener witness}: an outside witness of a node's provenance log ({@link Witness}). Each
 * pass reads the node's checkpoint feed after the checkpoint kept in {@code --state}, verifies every
 * new one (signature, and a consistency proof against the kept one), and keeps it. Exit 0 when
 * everything verified; 4, with one line naming what failed, when the log was rewritten, cut short or
 * re-signed. With {@code --follow}, it then reads the node's checkpoint stream and verifies each
 * checkpoint as the node pushes it, until the process is stopped or a check fails; with {@code
 * --follow --poll}, passes repeat every {@code --every} instead (for a proxy that does not pass
 * streams).
 */
@Command(
    name = "witness",
    description = {
      "Follow a node's checkpoint feed and check that its provenance log is only ever extended.",
      "Keeps the last verified checkpoint in --state; exits 4 when a new one does not extend it."
    })
final class WitnessCommand implements Callable<Integer> {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "URL", description = "Base URL of the node, e.g. https://convener.example.com/")
  URI from;

  @Option(names = "--token-env", required = true, paramLabel = "VAR",
      description = "Environment variable holding a bearer token of a compliance officer of the tenant")
  String tokenEnv;

  @Option(names = "--state", required = true, paramLabel = "FILE", description = "Where the last verified checkpoint is kept")
  Path state;

  @Option(names = "--verifier-key", paramLabel = "KEY",
      description = "The tenant's verifier key to insist on (default: trust the node's on the first run)")
  @Nullable String verifierKey;

  @Option(names = "--follow",
      description = "Keep following: verify each checkpoint as the node's stream pushes it, until stopped")
  boolean follow;

  @Option(names = "--poll", description = "With --follow, read the paged feed every --every instead of the stream")
  boolean poll;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "10s",
      description = "How often to read the feed with --follow --poll, such as 10s or 1m (default: ${DEFAULT-VALUE})")
  String every;

  @Override
  public Integer call() throws InterruptedException {
    TenantId tenant = root.options.requireTenant(spec);
    @Nullable String token = root.options.env.apply(tokenEnv);
    if (token == null || token.isBlank()) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--token-env': the environment variable "
          + tokenEnv + " is not set");
    }
    String scheme = String.valueOf(from.getScheme());
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--from': expected an http(s) URL, got " + from);
    }
    Duration period = period();
    Witness witness;
    try {
      witness = new Witness(from, token, tenant, Optional.ofNullable(verifierKey));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--verifier-key': " + e.getMessage());
    }
    if (follow && !poll) {
      witness.follow(state, this::report);
    }
    do {
      report(witness.pass(state));
      if (follow) {
        Thread.sleep(period.toMillis());
      }
    } while (follow);
    return ConvenerCommand.OK;
  }

  private Duration period() {
    try {
      Duration d = Duration.parse("PT" + every.toUpperCase(Locale.ROOT));
      if (d.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException();
      }
      return d;
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--every': expected a duration of at"
          + " least 1s such as 10s or 5m, got '" + every + "'");
    }
  }

  private void report(Witness.Pass pass) {
    PrintWriter out = spec.commandLine().getOut();
    if (root.options.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("checked", pass.checked());
      pass.kept().ifPresent(c -> {
        doc.put("treeSize", c.treeSize());
        doc.put("root", c.root().base64());
        doc.put("timestamp", c.timestamp().toString());
      });
      doc.put("verifierKey", pass.verifierKey());
      Json.print(out, doc);
    } else {
      out.println("verified " + pass.checked() + " new checkpoint(s)" + pass.kept()
          .map(c -> "; kept size " + c.treeSize() + " of " + c.timestamp() + ", root " + c.root().base64())
          .orElse("; the feed has no checkpoint yet"));
      out.flush();
    }
  }
}
