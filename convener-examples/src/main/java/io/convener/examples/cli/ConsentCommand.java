package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.Purpose;
import io.convener.examples.cli.Table.Column;
import io.convener.http.json.TrustShapes;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code convener consent (grant|revoke|list)}: explicit, purpose-specific consent records. Changes
 * are made by the operator on the member's behalf (an admin), or by the member with {@code
 * --as-member}; each change passes the choke point and leaves one provenance entry.
 */
@Command(
    name = "consent",
    description = {
      "Grant, revoke or list members' consent per purpose (e.g. champion.recommendation).",
      "grant and revoke need --member and --purpose; list shows a member's history (--member),",
      "or who has granted a purpose now (--purpose), or both for every enabled purpose."
    })
final class ConsentCommand implements Callable<Integer>, Tabular {
  /** The three actions. */
  enum Action { grant, revoke, list }

  @ParentCommand ConvenerCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "grant|revoke|list", description = "What to do")
  Action action;

  @Option(names = "--member", paramLabel = "M", description = "The member (data subject)")
  @Nullable String member;

  @Option(names = "--purpose", paramLabel = "P", description = "The purpose, e.g. champion.recommendation")
  @Nullable String purpose;

  @Option(names = "--notice", paramLabel = "VERSION", description = "Version of the notice the member was shown (grant; default: ${DEFAULT-VALUE})")
  String notice = "cli";

  @Option(names = "--expires", paramLabel = "INSTANT", description = "RFC 3339 instant when a grant lapses (grant)")
  @Nullable String expires;

  @Option(names = "--as-member", description = "Act as the member themself rather than as an admin on their behalf")
  boolean asMember;

  @Override
  public Integer call() {
    TenantId tenant = root.options.requireTenant(spec);
    List<ConsentRecord> records = new ArrayList<>();
    try (Convener convener = Stores.open(root.options, spec)) {
      ConsentGate consent = convener.consent();
      switch (action) {
        case grant -> records.add(consent.grant(principal(tenant), member(), purpose(), notice, expiry()));
        case revoke -> records.add(consent.revoke(principal(tenant), member(), purpose()));
        case list -> records.addAll(list(consent, tenant));
      }
    }
    print(spec.commandLine().getOut(), records);
    return ConvenerCommand.OK;
  }

  private List<ConsentRecord> list(ConsentGate consent, TenantId tenant) {
    Optional<Purpose> only = purpose == null ? Optional.empty() : Optional.of(purpose());
    Principal operator = GlobalOptions.operator(tenant);
    if (member != null) {
      return consent.history(operator, member()).stream()
          .filter(r -> only.map(p -> p.equals(r.purpose())).orElse(true))
          .toList();
    }
    return consent.granted(operator, only);
  }

  private Principal principal(TenantId tenant) {
    return asMember ? Principal.of(tenant, member().value(), Role.MEMBER) : GlobalOptions.operator(tenant);
  }

  private MemberId member() {
    if (member == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--member=M'");
    }
    try {
      return MemberId.of(member);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--member': " + e.getMessage());
    }
  }

  private Purpose purpose() {
    if (purpose == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--purpose=P'");
    }
    try {
      return Purpose.of(purpose);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--purpose': " + e.getMessage());
    }
  }

  private Optional<Instant> expiry() {
    if (expires == null) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(expires).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--expires': not an RFC 3339 instant");
    }
    if (!at.isAfter(Instant.now())) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--expires': must lie in the future, got " + at);
    }
    return Optional.of(at);
  }

  private void print(PrintWriter out, List<ConsentRecord> records) {
    if (root.options.json()) {
      Json.print(out, Map.of("consents", records.stream().map(TrustShapes::json).toList()));
      return;
    }
    if (records.isEmpty() && !root.options.csv()) {
      out.println("no consent records");
      out.flush();
      return;
    }
    Table t = new Table(Column.text("at"), Column.text("member"), Column.text("purpose"), Column.text("decision"),
        Column.text("method"), Column.text("recordedBy"), Column.text("id"), Column.text("expires"));
    for (ConsentRecord r : records) {
      t.row(r.at().toString(), r.subject().value(), r.purpose().name(), r.decision().wireName(), r.method().wireName(),
          r.recordedBy(), r.id().value(), r.expiresAt().map(Object::toString).orElse(null));
    }
    t.print(out, root.options.format);
  }

}
