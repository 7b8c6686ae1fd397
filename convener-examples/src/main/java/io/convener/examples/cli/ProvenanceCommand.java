package io.convener.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenancePage;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.VerificationResult;
import io.convener.http.json.TrustShapes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener provenance}: lists the tenant's provenance log in order, verifies it ({@code
 * --verify}, exit 4 when it fails, naming the first bad entry), prints a signed checkpoint ({@code
 * --checkpoint}) or checks a saved one against today's log ({@code --verify --against FILE}). The
 * command acts as the operator principal, so each run adds its own entry to the log.
 */
@Command(
    name = "provenance",
    description = {
      "List the tenant's provenance log in chronological order, or verify its tamper-evident chain.",
      "--verify exits 4 and names the first bad entry when the log was changed, cut or reordered.",
      "--checkpoint prints a signed checkpoint to keep elsewhere; --verify --against FILE checks it later."
    })
final class ProvenanceCommand implements Callable<Integer>, Tabular {
  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--since", paramLabel = "T", description = "Only entries at or after this RFC 3339 instant")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "T", description = "Only entries before this RFC 3339 instant")
  @Nullable String until;

  @Option(names = "--activity", paramLabel = "A", description = "Only entries of this activity, such as ingest")
  @Nullable String activity;

  @Option(names = "--agent", paramLabel = "ID", description = "Only entries of this agent (principal subject)")
  @Nullable String agent;

  @Option(names = "--entity", paramLabel = "E", description = "Only entries that used or generated this entity")
  @Nullable String entity;

  @Option(names = "--verify", description = "Verify the log instead of listing it; exit 4 when it fails")
  boolean verify;

  @Option(names = "--against", paramLabel = "FILE", description = "With --verify: also check this saved checkpoint")
  @Nullable Path against;

  @Option(names = "--checkpoint", description = "Print a signed checkpoint of the log as it is now")
  boolean checkpoint;

  @Override
  public Integer call() throws IOException {
    TenantId tenant = root.options.requireTenant(spec);
    if (against != null && !verify) {
      throw new ParameterException(spec.commandLine(), "--against needs --verify");
    }
    if (checkpoint && verify) {
      throw new ParameterException(spec.commandLine(), "--checkpoint and --verify cannot be combined");
    }
    if ((checkpoint || verify) && root.options.csv()) {
      throw new ParameterException(spec.commandLine(), "--format csv lists the log; it cannot be combined with "
          + (verify ? "--verify" : "--checkpoint"));
    }
    ProvenanceQuery query = query();
    @Nullable Checkpoint saved = against == null ? null : readCheckpoint(against);
    Principal operator = GlobalOptions.operator(tenant);
    PrintWriter out = spec.commandLine().getOut();
    try (Convener convener = Stores.open(root.options, spec)) {
      if (checkpoint) {
        printCheckpoint(out, convener, operator);
        return ConvenerCommand.OK;
      }
      if (verify) {
        VerificationResult result = saved == null
            ? convener.provenance().verify(operator)
            : convener.provenance().verify(operator, saved);
        return printVerification(out, spec.commandLine().getErr(), result);
      }
      list(out, convener, operator, query);
      return ConvenerCommand.OK;
    }
  }

  private ProvenanceQuery query() {
    ProvenanceQuery.Builder b = ProvenanceQuery.builder().limit(ProvenanceQuery.MAX_LIMIT);
    if (since != null) {
      b.since(instant("--since", since));
    }
    if (until != null) {
      b.until(instant("--until", until));
    }
    if (activity != null) {
      b.activity(activity);
    }
    if (agent != null) {
      b.agent(agent);
    }
    if (entity != null) {
      b.entity(entity);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Instant instant(String option, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '" + option + "': not an RFC 3339 instant: '" + value + "'");
    }
  }

  /**
   * The checkpoint in a file: its signed-note text, or the JSON that {@code --checkpoint --format
   * json} prints. A file that holds neither is a usage error naming {@code --against}.
   */
  private static Checkpoint readCheckpoint(Path file) throws IOException {
    InputFiles.requireReadable(file, "--against");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("--against", "'" + file + "' is not a checkpoint: it is not UTF-8 text");
    }
    if (text.stripLeading().startsWith("{")) {
      JsonNode node;
      try {
        node = new ObjectMapper().readTree(text).get("checkpoint");
      } catch (JsonProcessingException e) {
        throw new InvalidInputException("--against", "'" + file + "' is not a checkpoint: its JSON does not parse");
      }
      if (node == null || !node.isTextual()) {
        throw new InvalidInputException("--against", "the JSON in '" + file + "' has no \"checkpoint\" text");
      }
      text = node.asText();
    }
    try {
      return Checkpoint.parse(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--against", "'" + file + "' is not a checkpoint: " + e.getMessage());
    }
  }

  private void list(PrintWriter out, Convener convener, Principal operator, ProvenanceQuery query) {
    List<Map<String, Object>> events = new ArrayList<>();
    Table csv = ProvenanceRows.table();
    ProvenanceQuery page = query;
    while (true) {
      ProvenancePage result = convener.provenance().query(operator, page);
      for (ProvenanceEntry e : result.entries()) {
        if (root.options.json()) {
          events.add(TrustShapes.json(e));
        } else if (root.options.csv()) {
          ProvenanceRows.add(csv, e);
        } else {
          out.printf("%6d  %s  %-22s %-10s %-8s %s%s%n", e.sequence(), e.at(), e.activity(), e.agent().id(),
              e.outcome().status().name().toLowerCase(Locale.ROOT),
              e.outcome().isOk() ? "" : e.outcome().code() + ": " + e.outcome().reason(),
              e.generated().isEmpty() ? "" : " -> " + String.join(", ", e.generated()));
        }
      }
      if (result.next().isEmpty()) {
        break;
      }
      page = page.after(result.next().getAsLong());
    }
    if (root.options.json()) {
      Json.print(out, Map.of("events", events));
    } else if (root.options.csv()) {
      csv.csv(out);
    }
    out.flush();
  }

  private void printCheckpoint(PrintWriter out, Convener convener, Principal operator) {
    Checkpoint c = convener.provenance().checkpoint(operator);
    if (root.options.json()) {
      Json.print(out, TrustShapes.json(c, convener.provenance().verifierKey(operator)));
    } else {
      out.print(c.toText());
      out.flush();
    }
  }

  private int printVerification(PrintWriter out, PrintWriter err, VerificationResult r) {
    if (root.options.json()) {
      Json.print(out, TrustShapes.json(r));
    } else if (r.verified()) {
      out.printf("verified: %d entries%n", r.entries());
      out.flush();
    }
    if (r.verified()) {
      return ConvenerCommand.OK;
    }
    String at = r.firstBadEntry().isPresent() ? " at entry " + r.firstBadEntry().getAsLong() : "";
    err.println("convener: provenance verification failed" + at + ": " + r.reason().orElse(""));
    err.flush();
    return ConvenerCommand.VERIFICATION_FAILED;
  }
}
