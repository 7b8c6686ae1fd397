package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.Conveners;
import io.convener.core.internal.graph.MetricOptions;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that has not computed a large tenant's structure reads it from the store when its
 * window graph is the graph it was computed on, and gives the same ranking; when the graph changed
 * (events ingested by another process that never ranked), or the stored structure cannot be read,
 * it computes it. "Large" is above the kernel's exact limit, set to 2 nodes here so that the small
 * scenario takes that path.
 */
class StoredStructureTest {
  @TempDir Path dir;

  /** The champion caches of one Convener, injected by its own injector. */
  static final class Caches {
    @Inject StructureCache structures;
  }

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("db");
  }

  private Convener open(Caches caches) {
    return Conveners.builder().database(url()).inMemoryKeys().module(new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), MetricOptions.class).setBinding()
            .toInstance(MetricOptions.defaults().withExactLimit(2));
        requestInjection(caches);
      }
    }).build();
  }

  private static ChampionRanking rank(Convener c, Scenario s) {
    return c.champions().rank(s.admin, ChampionQuery.builder().asOf(Scenario.AS_OF).limit(10).build());
  }

  /** What a ranking says, without the provenance entry it was recorded under. */
  private static List<String> summary(ChampionRanking r) {
    List<String> out = new ArrayList<>();
    for (RankedMember m : r.champions()) {
      out.add(m.rank() + " " + m.member().value() + " " + Math.round(m.score() * 1e9) + " " + m.roles() + " "
          + m.persona() + " " + m.components());
    }
    out.add("graph " + r.graph() + " betweenness " + r.betweenness());
    return out;
  }

  private long sql(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
      if (!query.startsWith("SELECT")) {
        return st.executeUpdate(query);
      }
      try (ResultSet rs = st.executeQuery(query)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long storedBlocks() throws SQLException {
    return sql("SELECT COUNT(*) FROM event_blocks WHERE stream = '" + StoredStructures.STREAM + "'");
  }

  @Test
  void aNewProcessReadsTheStructureOfAnUnchangedGraphAndComputesAChangedOne() throws SQLException {
    List<String> first;
    Caches a = new Caches();
    try (Convener c = open(a)) {
      first = summary(rank(c, new Scenario(c, "stored").base()));
      assertThat(a.structures.computations()).isEqualTo(1);
    }
    assertThat(storedBlocks()).as("the key block and the structure").isEqualTo(2);

    Caches b = new Caches();
    try (Convener c = open(b)) {
      assertThat(summary(rank(c, new Scenario(c, "stored")))).as("read, not computed").isEqualTo(first);
      assertThat(b.structures.computations()).isZero();
    }

    // Another process ingests a reply that changes the graph and never ranks: the stored structure is stale.
    try (Convener c = open(new Caches())) {
      Scenario s = new Scenario(c, "stored");
      s.ingest(Event.builder(EventId.of("later-1"), Scenario.AS_OF.minus(Duration.ofDays(1)), EventKind.REPLY,
          Scenario.m("a")).targets(Scenario.m("f")).build());
    }
    Caches stale = new Caches();
    List<String> changed;
    try (Convener c = open(stale)) {
      changed = summary(rank(c, new Scenario(c, "stored")));
      assertThat(stale.structures.computations()).as("the graph changed: computed").isEqualTo(1);
    }
    assertThat(changed).isNotEqualTo(first);
    sql("DELETE FROM event_blocks WHERE stream = '" + StoredStructures.STREAM + "'");
    sql("DELETE FROM event_block_streams WHERE stream = '" + StoredStructures.STREAM + "'");
    try (Convener c = open(new Caches())) {
      assertThat(summary(rank(c, new Scenario(c, "stored")))).as("as computed with nothing stored").isEqualTo(changed);
    }

    // A structure that cannot be read is computed again, with the same answer, and stored anew.
    sql("UPDATE event_blocks SET data = X'0000' WHERE stream = '" + StoredStructures.STREAM + "' AND seq = 2");
    Caches damaged = new Caches();
    try (Convener c = open(damaged)) {
      assertThat(summary(rank(c, new Scenario(c, "stored")))).isEqualTo(changed);
      assertThat(damaged.structures.computations()).isEqualTo(1);
    }
    Caches repaired = new Caches();
    try (Convener c = open(repaired)) {
      assertThat(summary(rank(c, new Scenario(c, "stored")))).isEqualTo(changed);
      assertThat(repaired.structures.computations()).as("stored anew, read").isZero();
    }
  }
}
