package io.convener.examples.cli;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.RankedMember;
import io.convener.api.champion.Recommendation;
import io.convener.testing.synthetic.GeneratedOrganisation;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The demo's champions section: the top ten champions and connectors, and collaborators for one team. */
final class DemoChampions {
  private DemoChampions() {}

  static void print(PrintWriter out, Convener convener, TenantId tenant, GeneratedOrganisation org, Instant asOf) {
    Principal manager = Principal.of(tenant, "demo-community-manager", Role.COMMUNITY_MANAGER);
    ChampionRanking r = convener.champions().rank(manager, ChampionQuery.builder().asOf(asOf).limit(10).build());
    out.printf("Champions and connectors (last 90 days; %d members, %d ties, %d events; betweenness %s)%n",
        r.graph().nodes(), r.graph().edges(), r.graph().eventsInWindow(), r.betweenness().exact() ? "exact" : "sampled");
    out.printf("  %4s  %-14s %6s  %-19s %-11s %s%n", "rank", "member", "score", "roles", "persona",
        "influence engagement responses endorsements brokerage");
    for (RankedMember e : r.champions()) {
      out.printf(Locale.ROOT, "  %4d  %-14s %6.3f  %-19s %-11s %.2f %.2f %.2f %.2f %.2f%n", e.rank(),
          e.member().value().value(), e.score(),
          e.roles().stream().map(ChampionRole::wireName).sorted().collect(Collectors.joining(",")),
          e.persona().wireName(), e.components().get("influence"), e.components().get("engagement"),
          e.components().get("responses"), e.components().get("endorsements"), e.components().get("brokerage"));
    }
    out.printf("  %d members without consent to champion.recommendation were counted, not named; provenance entry %d%n%n",
        r.withheld(), r.provenanceId());
    org.teams().stream().findFirst().ifPresent(team -> {
      CollaboratorRecommendations c = convener.champions().collaborators(manager,
          CollaboratorQuery.of(team.id(), Set.of()).withLimit(3).withAsOf(asOf));
      out.printf("Collaborators for team %s (its skills: %s)%n", team.id(), String.join(", ", c.skills()));
      for (Recommendation x : c.recommendations()) {
        out.printf(Locale.ROOT, "  %-14s %.3f  %s%n", x.member().value().value(), x.score(), String.join("; ", x.reasons()));
      }
      out.println();
    });
    out.flush();
  }
}
