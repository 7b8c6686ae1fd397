package io.convener.core.champion;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that starts on a stored tenant loads it from the champion event blocks that ingestion
 * wrote, and from the event store when the blocks do not account for every event (a gap, or a block
 * it cannot read), writing them anew; the ranking is the same every way.
 */
class ChampionBlocksTest {
  @TempDir Path dir;

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("db");
  }

  private Convener open() {
    return Conveners.builder().database(url()).inMemoryKeys().build();
  }

  private ChampionRanking rank(Convener c, Scenario s) {
    return c.champions().rank(s.admin, ChampionQuery.builder().asOf(Scenario.AS_OF).limit(10).build());
  }

  /** What a ranking says about people, without the provenance entry it was recorded under. */
  private static List<String> summary(ChampionRanking r) {
    List<String> out = new ArrayList<>();
    for (RankedMember m : r.champions()) {
      out.add(m.rank() + " " + m.member().value() + " " + Math.round(m.score() * 1e9) + " " + m.roles() + " "
          + m.persona() + " " + m.evidence().events());
    }
    out.add("graph " + r.graph().nodes() + "/" + r.graph().edges() + "/" + r.graph().eventsInWindow()
        + " withheld " + r.withheld());
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

  private long blockedEvents() throws SQLException {
    return sql("SELECT COALESCE(SUM(events), 0) FROM event_blocks WHERE stream = '" + EventBlocks.STREAM + "'");
  }

  @Test
  void laterProcessesLoadFromTheBlocksAndRepairThemWhenTheyFallShort() throws SQLException {
    List<String> first;
    Scenario s;
    try (Convener c = open()) {
      s = new Scenario(c, "blocks").base();
      List<Event> more = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        more.add(s.event(EventKind.REPLY, "abcdef".substring(i % 6, i % 6 + 1), 20 - i * 0.5, "abcdef".substring((i + 2) % 6, (i + 2) % 6 + 1)));
      }
      more.add(s.event(EventKind.REPLY, "ghost", 2, "a")); // named by events only, never ingested as a member
      more.add(s.event(EventKind.MENTION, "b", 1, "phantom"));
      s.ingest(more.toArray(Event[]::new));
      first = summary(rank(c, s));
    }
    long stored = sql("SELECT COUNT(*) FROM events");
    assertThat(blockedEvents()).as("ingestion wrote blocks for every event").isEqualTo(stored);

    // Change one stored row behind the stores' back: a process that reads the blocks does not see it.
    sql("UPDATE events SET weight = 50 WHERE event_id = 'blocks-e1'");
    try (Convener c = open()) {
      assertThat(summary(rank(c, new Scenario(c, "blocks")))).as("loaded from the blocks").isEqualTo(first);
    }

    // A gap: the blocks account for fewer events than the store holds. The load reads the rows
    // (and so sees the changed weight), and writes the blocks anew.
    sql("UPDATE events SET weight = 1 WHERE event_id = 'blocks-e1'");
    sql("UPDATE event_block_streams SET blocks = blocks - 1,"
        + " events = events - (SELECT events FROM event_blocks WHERE seq = 1)");
    sql("DELETE FROM event_blocks WHERE seq = 1");
    try (Convener c = open()) {
      assertThat(summary(rank(c, new Scenario(c, "blocks")))).as("loaded from the rows").isEqualTo(first);
    }
    assertThat(blockedEvents()).as("written anew").isEqualTo(stored);

    // A block that cannot be read: the same.
    sql("UPDATE event_blocks SET data = X'09'");
    try (Convener c = open()) {
      assertThat(summary(rank(c, new Scenario(c, "blocks")))).isEqualTo(first);
    }
    assertThat(blockedEvents()).isEqualTo(stored);
    try (Convener c = open()) {
      assertThat(summary(rank(c, new Scenario(c, "blocks")))).as("the rewritten blocks read").isEqualTo(first);
    }
  }
}
