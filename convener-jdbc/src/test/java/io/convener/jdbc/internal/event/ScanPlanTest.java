package io.convener.jdbc.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.api.model.EventKind;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.storage.EventQuery;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 reads a tenant's events in scan order straight off the {@code (tenant_id, at, event_id)}
 * index: a plan through another index sorts every row, and beyond 40,000 rows H2 spills that sort
 * to disk, which made loading a tenant of two million events take minutes.
 */
class ScanPlanTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void everyScanOnH2ReadsTheTimeIndexInOrderWithoutSorting() throws SQLException {
    JdbcSettings settings = TestDatabase.H2_FILE.settings(dir);
    List<EventQuery> queries = List.of(
        EventQuery.all(),
        EventQuery.all().withKinds(EnumSet.of(EventKind.MESSAGE, EventKind.REPLY)),
        EventQuery.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
    try (StoreFixture s = JdbcFixtures.open(settings, () -> {})) {
      s.lifecycle().start();
      try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(""))) {
        for (EventQuery q : queries) {
          String plan = plan(c, q);

          assertThat(plan).as("plan of %s", q).contains("EVENTS_BY_TIME").contains("/* index sorted */");
        }
      }
    }
  }

  private static String plan(Connection c, EventQuery q) throws SQLException {
    EventFilter filter = EventFilter.of(q);
    String sql = JdbiEventStore.SELECT + filter.conditions() + JdbiEventStore.ORDER;
    // EXPLAIN with the named parameters replaced by JDBC ones, bound in the order they appear.
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile(":(\\w+)").matcher(sql);
    StringBuilder positional = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(positional, "?");
    }
    m.appendTail(positional);
    try (PreparedStatement p = c.prepareStatement("EXPLAIN " + positional)) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name.equals("tenant")) {
          p.setString(i + 1, ACME.value());
        } else if (name.startsWith("kind")) {
          p.setString(i + 1, "message");
        } else {
          p.setLong(i + 1, 0L);
        }
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
