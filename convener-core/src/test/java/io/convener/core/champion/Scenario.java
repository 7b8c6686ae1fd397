package io.convener.core.champion;

import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import io.convener.api.Convener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The "two teams and a bridge" scenario of {@code expected_scores.py}: red team a, b, c and blue
 * team d, e, f; replies in each triangle and across c-d; a endorses c three times, b reacts to c
 * twice, c replies to itself once and posts once. Every member consents to champion.recommendation.
 */
final class Scenario {
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  static final TeamId RED = TeamId.of("red");
  static final TeamId BLUE = TeamId.of("blue");

  final TenantId tenant;
  final Principal admin;
  final Convener convener;
  private int seq;

  Scenario(Convener convener, String tenant) {
    this.convener = convener;
    this.tenant = TenantId.of(tenant);
    this.admin = Principal.of(this.tenant, "admin", Role.ADMIN);
  }

  static Convener open() {
    return Conveners.builder().database("jdbc:h2:mem:champions-" + UUID.randomUUID()).inMemoryKeys().build();
  }

  static MemberId m(String id) {
    return MemberId.of(id);
  }

  Scenario base() {
    List<Member> members = List.of(
        member("a", RED, "2025", "eng/red"), member("b", RED, "2025", "eng/red"), member("c", RED, "2026", "eng/red"),
        member("d", BLUE, "2026", "eng/blue"), member("e", BLUE, "2026", "ops/blue"),
        member("f", BLUE, "2026", "ops/blue"));
    List<Event> events = new ArrayList<>();
    for (String[] r : new String[][] {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"},
        {"c", "d"}, {"d", "c"}}) {
      events.add(event(EventKind.REPLY, r[0], 10, r[1]));
    }
    for (int i = 0; i < 3; i++) {
      events.add(event(EventKind.ENDORSEMENT, "a", 9 - i, "c"));
    }
    for (int i = 0; i < 2; i++) {
      events.add(event(EventKind.REACTION, "b", 5 - i, "c"));
    }
    events.add(event(EventKind.REPLY, "c", 4, "c"));
    events.add(event(EventKind.MESSAGE, "c", 3));
    convener.ingest().submit(admin, members, events);
    for (Member x : members) {
      consent(x.id().value());
    }
    return this;
  }

  void consent(String member) {
    convener.consent().grant(admin, m(member), Purpose.CHAMPION_RECOMMENDATION, "notice-1");
  }

  void revoke(String member) {
    convener.consent().revoke(admin, m(member), Purpose.CHAMPION_RECOMMENDATION);
  }

  static Member member(String id, TeamId team, String cohort, String org, String... skills) {
    return Member.builder(m(id)).teams(team).cohorts(CohortId.of(cohort)).org(OrgUnit.of(org)).skills(skills).build();
  }

  /** An event {@code daysAgo} days before {@link #AS_OF}. */
  Event event(EventKind kind, String actor, double daysAgo, String... targets) {
    return Event.builder(EventId.of(tenant.value() + "-e" + (++seq)), AS_OF.minus(Duration.ofMinutes((long) (daysAgo * 1440))),
            kind, m(actor))
        .targets(java.util.Arrays.stream(targets).map(MemberId::of).toList())
        .build();
  }

  void ingest(Event... events) {
    convener.ingest().submit(admin, List.of(), List.of(events));
  }

  void ingest(Member... members) {
    convener.ingest().submit(admin, List.of(members), List.of());
  }
}
