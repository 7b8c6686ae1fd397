package io.convener.jdbc.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.storage.EventQuery;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL the events table is partitioned by a hash of the tenant (migration V20), and each
 * statement the store runs on it for one tenant reads that tenant's partition only: planned with
 * the tenant's value, and as a generic plan, where the other partitions are removed when the
 * statement starts. Skipped unless CONVENER_PG_URL is set.
 */
class PostgresEventPruningIT {
  /** A scan of a partition: "Seq Scan on events_p03 ..."; an index name does not match. */
  private static final Pattern PARTITION = Pattern.compile("\\bon (events_p\\d+)\\b");
  private static final Pattern NAMED = Pattern.compile(":(\\w+)");
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  @TempDir Path dir;

  @Test
  void everyTenantScopedStatementOnEventsReadsOnlyTheTenantsPartition() throws Exception {
    JdbcSettings settings = TestDatabase.POSTGRESQL.settings(dir);
    try (StoreFixture stores = JdbcFixtures.open(settings, () -> {})) {
      stores.lifecycle().start();
      List<TenantId> tenants = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        TenantId tenant = TenantId.of("tenant-" + t);
        tenants.add(tenant);
        stores.events().insert(tenant, events(40));
      }
      Jdbi jdbi = Jdbi.create(settings.url(), settings.user(), settings.password().orElse(null))
          .setTemplateEngine(new NoTemplateEngine());
      try (Handle h = jdbi.open()) {
        Set<String> homes = new TreeSet<>();
        for (TenantId tenant : tenants.subList(0, 4)) {
          String home = h.createQuery("SELECT tableoid::regclass::text FROM events WHERE tenant_id = :t LIMIT 1")
              .bind("t", tenant.value()).mapTo(String.class).one();
          homes.add(home);
          for (String sql : statements()) {
            List<String> plan = explain(h, sql, tenant);
            assertThat(partitionsIn(plan)).as("partitions read by %s for %s", sql, tenant).containsExactly(home);
          }
        }
        assertThat(homes).as("the tenants sit in more than one partition").hasSizeGreaterThan(1);

        // As a generic plan, as a server-side prepared statement may be run: pruned when it starts.
        h.execute("SET plan_cache_mode = force_generic_plan");
        for (String sql : statements()) {
          String plan = String.join("\n", explainGeneric(h, sql, tenants.get(0)));
          assertThat(plan).as("generic plan of %s", sql).contains("Subplans Removed: 15");
        }
      }
    } finally {
      TestDatabase.POSTGRESQL.dispose(settings);
    }
  }

  /** Each statement the store runs on events for one tenant, with its named parameters. */
  private static List<String> statements() {
    EventFilter window = EventFilter.of(EventQuery.between(T0, T0.plusSeconds(3_600))
        .withKinds(EnumSet.of(EventKind.MESSAGE, EventKind.REPLY)));
    EventFilter all = EventFilter.of(EventQuery.all());
    return List.of(
        JdbiEventStore.SELECT_ONE,
        JdbiEventStore.SELECT + all.conditions() + JdbiEventStore.ORDER,
        JdbiEventStore.SELECT + window.conditions() + " AND seq <= :through" + JdbiEventStore.ORDER,
        JdbiEventStore.COUNT + window.conditions(),
        JdbiChangeStore.CHANGED);
  }

  /** EXPLAIN of {@code sql} planned with its values, as PostgreSQL plans a statement's first runs. */
  private static List<String> explain(Handle h, String sql, TenantId tenant) {
    Query explain = h.createQuery("EXPLAIN " + sql);
    List<String> names = names(sql);
    for (String name : names) {
      explain.bind(name, value(name, tenant));
    }
    return explain.mapTo(String.class).list();
  }

  /** EXPLAIN EXECUTE of {@code sql} prepared with positional parameters, under a generic plan. */
  private static List<String> explainGeneric(Handle h, String sql, TenantId tenant) {
    List<String> names = names(sql);
    String positional = sql;
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      positional = positional.replaceFirst(":" + names.get(i) + "\\b", "\\$" + (i + 1));
      Object value = value(names.get(i), tenant);
      literals.add(value instanceof String text ? "'" + text + "'" : value.toString());
    }
    h.execute("PREPARE pruned AS " + positional);
    try {
      return h.createQuery("EXPLAIN EXECUTE pruned(" + String.join(", ", literals) + ")")
          .mapTo(String.class).list();
    } finally {
      h.execute("DEALLOCATE pruned");
    }
  }

  private static List<String> names(String sql) {
    List<String> names = new ArrayList<>();
    Matcher m = NAMED.matcher(sql);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Object value(String name, TenantId tenant) {
    return switch (name) {
      case "tenant" -> tenant.value();
      case "id" -> "e-3";
      case "kind0" -> EventKind.MESSAGE.wireName();
      case "kind1" -> EventKind.REPLY.wireName();
      case "until", "through" -> Long.MAX_VALUE / 2;
      default -> 0L;
    };
  }

  private static List<String> partitionsIn(List<String> plan) {
    List<String> found = new ArrayList<>();
    for (String line : plan) {
      Matcher m = PARTITION.matcher(line);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static List<Event> events(int n) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EventKind kind = i % 2 == 0 ? EventKind.MESSAGE : EventKind.REPLY;
      events.add(Event.builder(EventId.of("e-" + i), T0.plusSeconds(60L * i), kind, MemberId.of("m-" + i % 5)).build());
    }
    return events;
  }
}
