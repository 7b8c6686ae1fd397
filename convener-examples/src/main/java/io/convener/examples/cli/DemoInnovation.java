package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.SharingTerms;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.testing.synthetic.GeneratedOrganisation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's innovation section: the organisation's most adopted practice, and the same practice
 * adopted by a partner tenant under a two-sided sharing agreement, shown to the home tenant only
 * as a pseudonym.
 */
final class DemoInnovation {
  private DemoInnovation() {}

  /** Prints the section; returns the most adopted innovation, if the organisation flagged any. */
  static Optional<EventId> print(PrintWriter out, Convener convener, TenantId tenant, GeneratedOrganisation org) {
    Map<EventId, Event> innovations = new LinkedHashMap<>();
    Map<EventId, Integer> adoptions = new HashMap<>();
    org.events().forEach(e -> {
      if (e.kind() == EventKind.INNOVATION) {
        innovations.put(e.id(), e);
      } else if (e.kind() == EventKind.ADOPTION && !e.refs().isEmpty()) {
        adoptions.merge(e.refs().get(0), 1, Integer::sum);
      }
    });
    Optional<Event> top = innovations.values().stream()
        .max(Comparator.comparingInt((Event e) -> adoptions.getOrDefault(e.id(), 0)));
    out.println();
    out.println("Innovation spread");
    if (top.isEmpty()) {
      out.println("  no practice was flagged as an innovation in this organisation");
      out.flush();
      return Optional.empty();
    }
    Event innovation = top.get();
    Principal operator = GlobalOptions.operator(tenant);
    InnovationSpread spread = convener.innovation();
    Optional<TenantId> partner = partner(tenant);
    partner.ifPresent(p -> adoptFromPartner(convener, tenant, p, innovation));
    SpreadReport r = spread.spread(operator, innovation.id());
    SpreadOutput.summary(out, r);
    out.printf("  lineage of %d adoptions (%d by rule 'explicit:fromTeam')%n", r.lineage().size(),
        r.lineage().stream().filter(e -> e.rule().equals("explicit:fromTeam")).count());
    r.lineage().stream().filter(e -> !e.tenant().equals(tenant)).findFirst().ifPresent(e -> {
      out.printf("  adopted across tenants by %s under a two-sided sharing agreement; this tenant sees only pseudonyms:%n", e.tenant());
      SpreadOutput.line(out, e);
    });
    out.printf("Try: ./convener --tenant %s innovation spread %s   (see docs/innovation.md)%n%n", tenant,
        innovation.id());
    out.flush();
    return Optional.of(innovation.id());
  }

  /** {@code <tenant>-partner}, when that is a valid tenant id. */
  private static Optional<TenantId> partner(TenantId tenant) {
    try {
      return Optional.of(TenantId.of(tenant.value() + "-partner"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Both sides agree, and one partner team adopts the practice three days after it was flagged. */
  private static void adoptFromPartner(Convener convener, TenantId tenant, TenantId partner, Event innovation) {
    InnovationSpread spread = convener.innovation();
    spread.agree(GlobalOptions.operator(tenant), SharingTerms.shareWith(partner));
    spread.agree(GlobalOptions.operator(partner), SharingTerms.acceptFrom(tenant));
    MemberId guest = MemberId.of("partner-lead");
    TeamId team = TeamId.of("partner-platform");
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("fromTenant", tenant.value());
    innovation.team().ifPresent(t -> from.put("fromTeam", t.value()));
    Event consent = Event.builder(EventId.of("partner-consent-1"), innovation.at(), EventKind.CONSENT, guest)
        .attrs(Attrs.of(Map.of("purpose", "innovation.attribution", "decision", "granted"))).build();
    Event adoption = Event.builder(EventId.of("partner-adoption-" + innovation.id().value()),
            innovation.at().plus(Duration.ofDays(3)), EventKind.ADOPTION, guest)
        .team(team).refs(innovation.id()).attrs(Attrs.of(from)).build();
    convener.ingest().submit(GlobalOptions.operator(partner), List.of(Member.builder(guest).teams(team).build()),
        List.of(consent, adoption));
  }
}
