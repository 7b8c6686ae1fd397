package io.convener.core.innovation;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.notify.InMemoryNotificationChannel;
import io.convener.core.notify.NotifyTesting;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A running Convener on in-memory H2 with helpers to write innovations and adoptions. */
final class SpreadFixture implements AutoCloseable {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final TenantId INITECH = TenantId.of("initech");
  static final Instant T0 = Instant.parse("2025-02-03T09:00:00Z");

  final Injector injector;
  final Convener convener;

  SpreadFixture() {
    injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:innovation-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel());
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin", Role.ADMIN);
  }

  /** The in-memory channel, after the relay delivered what is due. */
  InMemoryNotificationChannel channel() {
    return NotifyTesting.delivered(injector, ACME, GLOBEX, INITECH);
  }

  /** Members who agree to be told directly (team leads told of successful patterns). */
  void direct(TenantId tenant, String... members) {
    NotifyTesting.direct(convener, tenant, Arrays.stream(members).map(MemberId::of).toArray(MemberId[]::new));
  }

  /** Members with one team each: pairs of member id and team id. */
  void members(TenantId tenant, String... memberTeam) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < memberTeam.length; i += 2) {
      members.add(Member.builder(MemberId.of(memberTeam[i])).teams(TeamId.of(memberTeam[i + 1])).build());
    }
    convener.ingest().submit(admin(tenant), members, List.of());
  }

  void events(TenantId tenant, Event... events) {
    convener.ingest().submit(admin(tenant), List.of(), List.of(events));
  }

  void consent(TenantId tenant, String... members) {
    for (String m : members) {
      convener.consent().grant(Principal.of(tenant, m, Role.MEMBER), MemberId.of(m), Purpose.INNOVATION_ATTRIBUTION,
          "notice-1");
    }
  }

  static Event innovation(String id, String actor, String team, int day) {
    return Event.builder(EventId.of(id), at(day), EventKind.INNOVATION, MemberId.of(actor)).team(TeamId.of(team))
        .attrs(Attrs.of(Map.of("title", "async standups"))).build();
  }

  static Event adoption(String id, String innovation, String actor, String team, int day, String fromTeam,
      String fromTenant) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    if (fromTeam != null) {
      attrs.put("fromTeam", fromTeam);
    }
    if (fromTenant != null) {
      attrs.put("fromTenant", fromTenant);
    }
    return Event.builder(EventId.of(id), at(day), EventKind.ADOPTION, MemberId.of(actor)).team(TeamId.of(team))
        .refs(EventId.of(innovation)).attrs(Attrs.of(attrs)).build();
  }

  static Event outcome(String id, String lead, String team, int day, double value) {
    return Event.builder(EventId.of(id), at(day), EventKind.OUTCOME, MemberId.of(lead)).team(TeamId.of(team))
        .attrs(Attrs.of(Map.of("value", value))).build();
  }

  static Event meeting(String id, String actor, String target, int day) {
    return Event.builder(EventId.of(id), at(day), EventKind.MEETING, MemberId.of(actor))
        .targets(MemberId.of(target)).build();
  }

  static Instant at(int day) {
    return T0.plus(Duration.ofDays(day));
  }

  List<ProvenanceEntry> entries(TenantId tenant, String activity) {
    return convener.provenance()
        .query(Principal.of(tenant, "auditor", Role.COMPLIANCE_OFFICER),
            ProvenanceQuery.builder().activity(activity).limit(ProvenanceQuery.MAX_LIMIT).build())
        .entries();
  }

  @Override
  public void close() {
    convener.close();
  }
}
