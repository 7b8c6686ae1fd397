package io.convener.core.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.learning.Attribution;
import io.convener.api.learning.Contribution;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §7 through the Java API: with the store on a real H2 server whose listener is stopped,
 * an attribution is served from the last one computed, marked stale, without the contributor who
 * revoked consent before the outage and with their share withheld; an ingestion fails fast with
 * {@link StorageException} and has written nothing once the server is back.
 */
class DegradedLearningTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId DEE = MemberId.of("dee");

  @Test
  void attributionsAreServedStaleAndIngestionFailsFastWhileTheStoreIsDown() throws Exception {
    Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    int port = tcp.getPort();
    String url = "jdbc:h2:tcp://localhost:" + port + "/mem:learning-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Convener convener = Conveners.builder().database(url).inMemoryKeys().build();
    Server again = null;
    try {
      convener.ingest().submit(ADMIN, List.of(member(ANA, "t1"), member(BO, "t2"), member(DEE, "t3")), List.of(
          event("l1", 0, EventKind.LEARNING, BO, List.of()),
          event("l2", 1, EventKind.LEARNING, DEE, List.of()),
          event("a1", 3, EventKind.APPLIED, ANA, List.of("l1", "l2")),
          event("o1", 6, EventKind.OUTCOME, ANA, List.of("a1")),
          event("o2", 8, EventKind.OUTCOME, ANA, List.of())));
      for (MemberId m : List.of(ANA, BO, DEE)) {
        convener.consent().grant(ADMIN, m, Purpose.LEARNING_ATTRIBUTION, "notice-1");
      }
      Attribution fresh = convener.learning().attribute(ADMIN, EventId.of("o1"));
      assertThat(fresh.contributors()).extracting(c -> c.member().value()).contains(BO, DEE);
      convener.consent().revoke(ADMIN, BO, Purpose.LEARNING_ATTRIBUTION);
      convener.learning().attribute(ADMIN, EventId.of("o2")); // reads the tenant's consent again

      tcp.stop();
      Instant down = Instant.now();
      convener.learning().attribute(ADMIN, EventId.of("o1")); // the first call finds the server gone
      long start = System.nanoTime();
      Attribution stale = convener.learning().attribute(ADMIN, EventId.of("o1"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(stale.stale()).hasValueSatisfying(s -> {
        assertThat(s.computedAt()).isBefore(down);
        assertThat(s.cause()).contains("store is unavailable");
      });
      assertThat(stale.contributors()).extracting(c -> c.member().value()).doesNotContain(BO).contains(DEE);
      assertThat(stale.withheld()).isEqualTo(fresh.withheld() + 1);
      double named = stale.contributors().stream().mapToDouble(Contribution::share).sum();
      assertThat(named + stale.withheldShare()).isCloseTo(1.0, within(1e-9));

      Event late = event("late", 9, EventKind.MESSAGE, ANA, List.of());
      long write = System.nanoTime();
      assertThatThrownBy(() -> convener.ingest().submit(ADMIN, List.of(), List.of(late)))
          .isInstanceOf(StorageException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - write)).isLessThan(Duration.ofSeconds(3));

      again = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
      await().atMost(Duration.ofSeconds(20)).ignoreException(StorageException.class)
          .until(() -> convener.learning().attribute(ADMIN, EventId.of("o1")).stale().isEmpty());
      assertThat(convener.ingest().submit(ADMIN, List.of(), List.of(late)).accepted())
          .as("the refused ingestion left nothing").isOne();
    } finally {
      convener.close();
      if (again != null) {
        again.stop();
      }
      tcp.stop();
    }
  }

  private static Member member(MemberId id, String team) {
    return Member.builder(id).teams(TeamId.of(team)).build();
  }

  private static Event event(String id, int day, EventKind kind, MemberId actor, List<String> refs) {
    Event.Builder b = Event.builder(EventId.of(id), T0.plus(Duration.ofDays(day)), kind, actor)
        .team(TeamId.of("t1")).refs(refs.stream().map(EventId::of).toList()).tags("caching");
    if (kind == EventKind.OUTCOME) {
      b.attrs(Attrs.of(Map.of("value", 10)));
    }
    return b.build();
  }
}
