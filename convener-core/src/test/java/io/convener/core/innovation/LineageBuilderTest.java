package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The linking rules, in order, and a cascade of 100 000 adoptions through the whole pipeline. */
class LineageBuilderTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(30);
  private static final LineageBuilder.AgreementCheck NONE = (s, d) -> Optional.of("no agreement " + s + "->" + d);

  @Test
  void explicitTeamThenEarliestExposureThenEarliestInTenant() {
    SpreadEvent root = node(ACME, "i1", "ana", "t-origin", 0, null, null);
    SpreadEvent byTeam = node(ACME, "a1", "bo", "t-b", 1, "t-origin", null);
    SpreadEvent exposed = node(ACME, "a2", "cy", "t-c", 5, null, null);
    SpreadEvent orphan = node(ACME, "a3", "di", "t-d", 6, null, null);
    SpreadEvent missingTeam = node(ACME, "a4", "ed", "t-e", 7, "t-nowhere", null);
    ExposureIndex.Builder exposures = new ExposureIndex.Builder(ACME, Set.of(MemberId.of("cy"), MemberId.of("di"),
        MemberId.of("ed")), Set.of(MemberId.of("ana"), MemberId.of("bo"), MemberId.of("cy")));
    // cy met bo (who adopted on day 1) on day 2, and ana on day 3: the earlier exposure wins.
    exposures.accept(meeting("m1", "cy", "bo", 2));
    exposures.accept(meeting("m2", "ana", "cy", 3));
    // di met bo 40 days before adopting: outside the window, so di falls back to the default.
    exposures.accept(meeting("m3", "di", "bo", -34));
    // ed met cy on day 6, after cy adopted on day 5.
    exposures.accept(meeting("m4", "ed", "cy", 6));
    LineageBuilder.Lineage l = LineageBuilder.build(root, List.of(orphan, exposed, byTeam, missingTeam), NONE,
        exposures.build(), WINDOW);

    assertThat(l.nodes()).extracting(n -> n.id().value()).containsExactly("i1", "a1", "a2", "a3", "a4");
    assertThat(l.parent()).containsExactly(-1, 0, 1, 0, 2);
    assertThat(l.rules()).containsExactly("root", "explicit:fromTeam", "exposure:window=PT720H",
        "default:earliest-in-tenant", "exposure:window=PT720H (fromTeam has no earlier node)");
    assertThat(l.rejected()).isEmpty();
  }

  @Test
  void anExposureBeforeTheSourceHadTheInnovationDoesNotCount() {
    SpreadEvent root = node(ACME, "i1", "ana", "t1", 0, null, null);
    SpreadEvent bo = node(ACME, "a1", "bo", "t2", 4, null, null);
    SpreadEvent cy = node(ACME, "a2", "cy", "t3", 8, null, null);
    ExposureIndex.Builder exposures = new ExposureIndex.Builder(ACME, Set.of(MemberId.of("bo"), MemberId.of("cy")),
        Set.of(MemberId.of("ana"), MemberId.of("bo"), MemberId.of("cy")));
    exposures.accept(meeting("m1", "cy", "bo", 2));
    exposures.accept(meeting("m2", "cy", "ana", 6));
    LineageBuilder.Lineage l = LineageBuilder.build(root, List.of(bo, cy), NONE, exposures.build(), WINDOW);
    assertThat(l.parent()).containsExactly(-1, 0, 0);
    assertThat(l.rules().get(2)).startsWith("exposure:");
  }

  @Test
  void crossTenantAdoptionsNeedTheCheckAndEarlyAdoptionsAreRejected() {
    SpreadEvent root = node(ACME, "i1", "ana", "t1", 0, null, null);
    SpreadEvent across = node(GLOBEX, "g1", "gus", "g-team", 2, null, "acme");
    SpreadEvent early = node(ACME, "a0", "bo", "t2", -1, null, null);
    SpreadEvent bad = node(GLOBEX, "g2", "gil", "g-team", 3, null, "not a tenant!");
    LineageBuilder.Lineage refused = LineageBuilder.build(root, List.of(across, early, bad), NONE,
        ExposureIndex.empty(ACME), WINDOW);
    assertThat(refused.nodes()).hasSize(1);
    assertThat(refused.rejected()).extracting(LineageBuilder.Rejection::reason)
        .anySatisfy(r -> assertThat(r).isEqualTo("no agreement acme->globex"))
        .anySatisfy(r -> assertThat(r).contains("before the innovation"))
        .anySatisfy(r -> assertThat(r).contains("attrs.fromTenant is not a tenant id"));

    SpreadEvent local = node(GLOBEX, "g3", "gia", "g-other", 4, null, null);
    LineageBuilder.Lineage allowed = LineageBuilder.build(root, List.of(across, local), (s, d) -> Optional.empty(),
        ExposureIndex.empty(ACME), WINDOW);
    assertThat(allowed.parent()).containsExactly(-1, 0, 1);
    assertThat(allowed.rules()).containsExactly("root", "explicit:fromTenant", "default:earliest-in-tenant");
  }

  /** 100 000 adoptions, each learned from the previous team: a path; and all from the origin: a star. */
  @Test
  void aCascadeOfHundredThousandAdoptionsIsLinkedAndMeasured() {
    int adoptions = 100_000;
    int n = adoptions + 1;
    SpreadEvent root = node(ACME, "i", "m0", "team-0", 0, null, null);
    List<SpreadEvent> chain = new ArrayList<>(adoptions);
    List<SpreadEvent> fan = new ArrayList<>(adoptions);
    for (int i = 1; i <= adoptions; i++) {
      Instant at = T0.plusSeconds(i);
      chain.add(new SpreadEvent(ACME, EventId.of("a" + i), MemberId.of("m" + i), Optional.of(TeamId.of("team-" + i)),
          at, Optional.of("team-" + (i - 1)), Optional.empty()));
      fan.add(new SpreadEvent(ACME, EventId.of("a" + i), MemberId.of("m" + i), Optional.of(TeamId.of("team-" + i)),
          at, Optional.of("team-0"), Optional.empty()));
    }
    CascadeTree path = new CascadeTree(LineageBuilder.build(root, chain, NONE, ExposureIndex.empty(ACME), WINDOW).parent());
    assertThat(path.size()).isEqualTo(n);
    assertThat(path.maxDepth()).isEqualTo(adoptions);
    assertThat(path.structuralVirality()).isCloseTo((n + 1) / 3.0, within(1e-6));
    CascadeTree star = new CascadeTree(LineageBuilder.build(root, fan, NONE, ExposureIndex.empty(ACME), WINDOW).parent());
    assertThat(star.maxBreadth()).isEqualTo(adoptions);
    assertThat(star.structuralVirality()).isCloseTo(2.0 * (n - 1) / n, within(1e-12));
  }

  private static SpreadEvent node(TenantId tenant, String id, String actor, String team, int day,
      String fromTeam, String fromTenant) {
    return new SpreadEvent(tenant, EventId.of(id), MemberId.of(actor), Optional.of(TeamId.of(team)),
        T0.plus(Duration.ofDays(day)), Optional.ofNullable(fromTeam), Optional.ofNullable(fromTenant));
  }

  private static Event meeting(String id, String actor, String target, int day) {
    return Event.builder(EventId.of(id), T0.plus(Duration.ofDays(day)), EventKind.MEETING, MemberId.of(actor))
        .targets(MemberId.of(target))
        .build();
  }
}
