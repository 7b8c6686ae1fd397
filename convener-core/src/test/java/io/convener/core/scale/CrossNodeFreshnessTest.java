package io.convener.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.GraphSummary;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.Conveners;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.spi.storage.ChangeStore;
import jakarta.inject.Inject;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Convener nodes on one SQLite file, or one PostgreSQL schema (skipped without {@code
 * CONVENER_PG_URL}), each with its own caches: what one commits, the other's
 * next request sees (champions and pulse), without a restart, and the background poll brings a
 * node's cached state up to date with nobody asking. Every event is counted once.
 */
class CrossNodeFreshnessTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant AS_OF = PlantedPulseScenario.AS_OF;

  @TempDir Path dir;
  private final SharedStore store = new SharedStore();

  @AfterEach
  void dropSchema() {
    store.close();
  }

  /** One store both nodes open: an SQLite file, or a fresh schema of the CI's PostgreSQL. */
  private Conveners.Builder node(String kind) {
    return Conveners.builder().database(store.open(kind, dir));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void theNextRequestOnTheOtherNodeSeesWhatOneNodeCommitted(String kind) {
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    try (Convener a = node(kind).build(); Convener b = node(kind).build()) {
      a.ingest().submit(ADMIN, scenario.members(), scenario.events());
      PulseScope declining = PulseScope.team(scenario.decliningTeam());
      // B builds its rollup and tenant log from the store.
      assertThat(perMember(b, declining)).isCloseTo(12, within(1e-9));
      long before = graph(b).eventsInWindow();

      // A commits one more message of one of the ten; B's next requests count it once.
      a.ingest().submit(ADMIN, List.of(), List.of(message("late-1", "p09", AS_OF.minus(Duration.ofDays(1)))));
      assertThat(perMember(b, declining)).isCloseTo(12.1, within(1e-9));
      assertThat(graph(b).eventsInWindow()).isEqualTo(before + 1);
      // Asked again, nothing is counted twice.
      assertThat(perMember(b, declining)).isCloseTo(12.1, within(1e-9));
      assertThat(graph(b).eventsInWindow()).isEqualTo(before + 1);

      // A's own caches followed its own commit, once.
      assertThat(perMember(a, declining)).isCloseTo(12.1, within(1e-9));
      assertThat(graph(a).eventsInWindow()).isEqualTo(before + 1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void interleavedWritersOnBothNodesAreEachCountedOnceOnBoth(String kind) {
    try (Convener a = node(kind).build(); Convener b = node(kind).build()) {
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        members.add(Member.builder(MemberId.of("m" + i)).build());
      }
      a.ingest().submit(ADMIN, members, List.of(message("e-0", "m0", AS_OF.minusSeconds(60))));
      long start = graph(a).eventsInWindow();
      assertThat(graph(b).eventsInWindow()).isEqualTo(start);
      int written = 0;
      for (int round = 1; round <= 30; round++) {
        Convener writer = round % 3 == 0 ? b : a;
        writer.ingest().submit(ADMIN, List.of(), List.of(
            reply("e-" + round + "-x", "m" + (round % 20), "m" + ((round + 1) % 20), AS_OF.minusSeconds(round)),
            reply("e-" + round + "-y", "m" + ((round + 5) % 20), "m" + ((round + 7) % 20), AS_OF.minusSeconds(round))));
        written += 2;
        if (round % 4 == 0) {
          assertThat(graph(a).eventsInWindow()).as("node A after round %d", round).isEqualTo(start + written);
        }
        if (round % 5 == 0) {
          assertThat(graph(b).eventsInWindow()).as("node B after round %d", round).isEqualTo(start + written);
        }
      }
      assertThat(graph(a).eventsInWindow()).isEqualTo(start + written);
      assertThat(graph(b).eventsInWindow()).isEqualTo(start + written);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aNodesCachedStateCatchesUpWithNobodyAsking(String kind) {
    PlantedPulseScenario scenario = PlantedPulseScenario.standard();
    Internals ofB = new Internals();
    try (Convener a = node(kind).build(); Convener b = node(kind).module(binder -> binder.requestInjection(ofB)).build()) {
      a.ingest().submit(ADMIN, scenario.members(), scenario.events());
      long before = graph(b).eventsInWindow();
      a.ingest().submit(ADMIN, List.of(), List.of(message("late-2", "p01", AS_OF.minus(Duration.ofDays(2)))));
      // The poller moves B's position to A's commit without a request on B.
      long committed = ofB.changes.current(ACME);
      Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> ofB.feed.position(ACME) >= committed);
      assertThat(graph(b).eventsInWindow()).isEqualTo(before + 1);
    }
  }

  private static double perMember(Convener c, PulseScope scope) {
    return c.pulse().report(ADMIN, PulseRequest.of(scope, AS_OF)).metrics().get(PulseMetric.EVENTS_PER_MEMBER)
        .getAsDouble();
  }

  private static GraphSummary graph(Convener c) {
    return c.champions().rank(ADMIN, ChampionQuery.builder().asOf(AS_OF).build()).graph();
  }

  private static Event message(String id, String actor, Instant at) {
    return Event.builder(EventId.of(id), at, EventKind.MESSAGE, MemberId.of(actor)).build();
  }

  private static Event reply(String id, String actor, String target, Instant at) {
    return Event.builder(EventId.of(id), at, EventKind.REPLY, MemberId.of(actor)).targets(List.of(MemberId.of(target)))
        .build();
  }

  /** A node's feed and change store, injected by its injector. */
  static final class Internals {
    @Inject IngestFeed feed;
    @Inject ChangeStore changes;
  }
}
