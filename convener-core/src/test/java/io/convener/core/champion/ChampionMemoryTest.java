package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.Conveners;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tenant logs, window states and structures kept between requests stay within {@link
 * ChampionMemory} however many tenants are served, and a tenant whose state or log was dropped gets
 * the same answer when it is built again, events ingested while it was dropped included.
 */
class ChampionMemoryTest {
  private static final int TENANTS = 24;
  private static final long LOG_BUDGET = 48 * 1024;
  private static final long WINDOW_BUDGET = 12 * 1024;
  private static final long STRUCTURE_BUDGET = 4 * 1024;

  /** The champion caches of one Convener, injected by its own injector. */
  static final class Caches {
    @Inject TenantLogs logs;
    @Inject WindowCache windows;
    @Inject StructureCache structures;
  }

  private static Convener open(Caches caches, ChampionMemory memory) {
    return Conveners.builder().database("jdbc:h2:mem:memory-" + UUID.randomUUID()).inMemoryKeys()
        .module(new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), ChampionMemory.class).setBinding().toInstance(memory);
            requestInjection(caches);
          }
        }).build();
  }

  /** The base scenario plus {@code i} replies that make each tenant's answer its own. */
  private static Scenario tenant(Convener c, int i) {
    Scenario s = new Scenario(c, "t" + i).base();
    List<Event> more = new ArrayList<>();
    for (int k = 0; k < i; k++) {
      more.add(s.event(EventKind.REPLY, "abcdef".substring(k % 6, k % 6 + 1), 8 - k * 0.25,
          "abcdef".substring((k * 5 + 1) % 6, (k * 5 + 1) % 6 + 1)));
    }
    if (!more.isEmpty()) {
      s.ingest(more.toArray(Event[]::new));
    }
    return s;
  }

  /**
   * Ranks, members, roles and scores to 1e-7: a tenant whose structure was kept starts PageRank
   * from its last vector, which moves the scores by about PageRank's tolerance.
   */
  private static List<String> summary(ChampionRanking r) {
    List<String> out = new ArrayList<>();
    for (RankedMember m : r.champions()) {
      out.add(m.rank() + " " + m.member().value() + " " + String.format(java.util.Locale.ROOT, "%.7f", m.score())
          + " " + m.roles());
    }
    out.add("graph " + r.graph().edges() + "/" + r.graph().eventsInWindow());
    return out;
  }

  private static List<String> rank(Convener c, Scenario s) {
    return summary(c.champions().rank(s.admin, ChampionQuery.builder().asOf(Scenario.AS_OF).limit(10).build()));
  }

  @Test
  void manyTenantsStayWithinTheBudgetAndDroppedTenantsGetTheSameAnswers() {
    List<List<String>> expected = new ArrayList<>();
    Caches unbounded = new Caches();
    try (Convener c = open(unbounded, new ChampionMemory(1L << 30, 1L << 30, 1L << 30))) {
      for (int i = 0; i < TENANTS; i++) {
        expected.add(rank(c, tenant(c, i)));
      }
      assertThat(unbounded.windows.keptTenants()).as("an ample budget keeps every tenant").isEqualTo(TENANTS);
      assertThat(unbounded.logs.keptTenants()).as("an ample budget keeps every log").isEqualTo(TENANTS);
    }
    Caches bounded = new Caches();
    try (Convener c = open(bounded, new ChampionMemory(LOG_BUDGET, WINDOW_BUDGET, STRUCTURE_BUDGET))) {
      List<Scenario> tenants = new ArrayList<>();
      for (int i = 0; i < TENANTS; i++) {
        tenants.add(tenant(c, i));
      }
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < TENANTS; i++) {
          assertThat(rank(c, tenants.get(i))).as("tenant %d, round %d", i, round).isEqualTo(expected.get(i));
          assertThat(bounded.logs.keptBytes()).isLessThanOrEqualTo(LOG_BUDGET);
          assertThat(bounded.windows.keptBytes()).isLessThanOrEqualTo(WINDOW_BUDGET);
          assertThat(bounded.structures.keptBytes()).isLessThanOrEqualTo(STRUCTURE_BUDGET);
        }
      }
      assertThat(bounded.windows.keptTenants()).as("tenants were dropped").isBetween(1L, TENANTS / 2L);
      assertThat(bounded.logs.keptTenants()).as("logs were dropped").isBetween(1L, TENANTS / 2L);
    }
  }

  @Test
  void threadsRankingTenantsAtOnceUnderATightBudgetGetTheirOwnAnswers() throws Exception {
    List<List<String>> expected = new ArrayList<>();
    try (Convener c = open(new Caches(), new ChampionMemory(1L << 30, 1L << 30, 1L << 30))) {
      for (int i = 0; i < 8; i++) {
        expected.add(rank(c, tenant(c, i)));
      }
    }
    Caches bounded = new Caches();
    try (Convener c = open(bounded, new ChampionMemory(16 * 1024, 4 * 1024, 2 * 1024))) {
      List<Scenario> tenants = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tenants.add(tenant(c, i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int first = t;
          done.add(pool.submit(() -> {
            for (int k = 0; k < 24; k++) {
              int i = (first + 3 * k) % tenants.size();
              assertThat(rank(c, tenants.get(i))).as("tenant %d", i).isEqualTo(expected.get(i));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdown();
      }
      assertThat(bounded.logs.keptBytes()).isLessThanOrEqualTo(16 * 1024);
      assertThat(bounded.windows.keptBytes()).isLessThanOrEqualTo(4 * 1024);
      assertThat(bounded.structures.keptBytes()).isLessThanOrEqualTo(2 * 1024);
    }
  }

  @Test
  void aTenantWhoseLogWasDroppedSeesWhatWasIngestedMeanwhile() {
    List<String> expected;
    try (Convener c = open(new Caches(), new ChampionMemory(1L << 30, 1L << 30, 1L << 30))) {
      Scenario s = tenant(c, 5);
      s.ingest(s.event(EventKind.REPLY, "f", 9, "a"), s.event(EventKind.MENTION, "e", 7, "b"));
      expected = rank(c, s);
    }
    Caches bounded = new Caches();
    // room for about one tenant's log: ranking the others drops the first
    try (Convener c = open(bounded, new ChampionMemory(12 * 1024, 1L << 30, 1L << 30))) {
      Scenario first = tenant(c, 5);
      rank(c, first);
      assertThat(bounded.logs.loaded(first.tenant)).isTrue();
      for (int i = 0; i < 4; i++) {
        rank(c, tenant(c, 10 + i));
      }
      assertThat(bounded.logs.loaded(first.tenant)).as("the first tenant's log was dropped").isFalse();
      first.ingest(first.event(EventKind.REPLY, "f", 9, "a"), first.event(EventKind.MENTION, "e", 7, "b"));
      assertThat(rank(c, first)).isEqualTo(expected);
      assertThat(bounded.logs.keptBytes()).isLessThanOrEqualTo(12 * 1024);
    }
  }

  @Test
  void budgetsArePositive() {
    assertThatThrownBy(() -> new ChampionMemory(0, 1, 1)).hasMessageContaining("logBytes");
    assertThatThrownBy(() -> new ChampionMemory(1, 0, 1)).hasMessageContaining("windowBytes");
    assertThatThrownBy(() -> new ChampionMemory(1, 1, -5)).hasMessageContaining("structureBytes");
    assertThat(ChampionMemory.defaults().logBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 3);
    assertThat(ChampionMemory.defaults().windowBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
  }
}
