package io.convener.examples.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.time.Instant;
import java.util.List;

/**
 * Embeds Convener in a Guice application and feeds it records the host already holds. Run with
 * {@code java -cp convener.jar io.convener.examples.host.HostApplication [JDBC_URL]}.
 */
public final class HostApplication {
  private HostApplication() {}

  /** Wires Convener on the given store (an in-memory H2 by default), submits a few records, prints the report. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "jdbc:h2:mem:host-example";
    // Personal data is encrypted under keys from ./convener-data/keys by default; an in-memory
    // database dies with the process, so its keys may live in memory too.
    ConvenerSettings settings = url.startsWith("jdbc:h2:mem:")
        ? ConvenerSettings.defaults().withInMemoryKeys()
        : ConvenerSettings.defaults();
    Injector injector =
        Guice.createInjector(new ConvenerModule(settings), new JdbcStorageModule(JdbcSettings.of(url)));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      TenantId tenant = TenantId.of("example");
      // Every call names who makes it: here the host's own loader, an admin of the tenant.
      Principal loader = Principal.of(tenant, "host-loader", Role.ADMIN);
      TeamId core = TeamId.of("core");
      MemberId ana = MemberId.of("ana");
      MemberId bo = MemberId.of("bo");
      Instant now = Instant.now();
      Event question = Event.builder(EventId.of("q1"), now.minusSeconds(600), EventKind.MESSAGE, ana).team(core).build();
      Event answer =
          Event.builder(EventId.of("a1"), now, EventKind.REPLY, bo).targets(ana).refs(question.id()).team(core).build();
      IngestReport report =
          convener.ingest().submit(
              loader,
              List.of(Member.builder(ana).teams(core).build(), Member.builder(bo).teams(core).build()),
              List.of(question, answer));
      System.out.printf(
          "tenant %s: %d members, %d new events, %d duplicates%n",
          tenant, report.members(), report.events(), report.duplicates());
      // The submission left one entry in the tenant's tamper-evident provenance log.
      Principal auditor = Principal.of(tenant, "auditor", Role.COMPLIANCE_OFFICER);
      System.out.printf("provenance log verified: %s%n", convener.provenance().verify(auditor).verified());
    }
  }
}
