package io.convener.jdbc.internal.watch;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.PulseWatcherStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pulse watchers in the {@code pulse_watchers} table, the scope kept as its wire name. An add
 * inserts the rows that are missing and a remove deletes the rows named, each in one transaction,
 * members in id order (common SQL, no upsert dialects). Reads sort in Java, by code point, so that
 * the order does not depend on a database's collation. Thread-safe.
 */
final class JdbiPulseWatcherStore implements PulseWatcherStore {
  static final String FIND =
      "SELECT member_id FROM pulse_watchers WHERE tenant_id = :tenant AND scope = :scope";
  static final String FIND_ALL =
      "SELECT scope, member_id FROM pulse_watchers WHERE tenant_id = :tenant";
  static final String EXISTS = "SELECT COUNT(*) FROM pulse_watchers WHERE tenant_id = :tenant AND scope = :scope"
      + " AND member_id = :member";
  static final String INSERT = """
      INSERT INTO pulse_watchers (tenant_id, scope, member_id, added_at)
      VALUES (:tenant, :scope, :member, :at)""";
  static final String DELETE = "DELETE FROM pulse_watchers WHERE tenant_id = :tenant AND scope = :scope"
      + " AND member_id = :member";

  private final Database database;

  @Inject
  JdbiPulseWatcherStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public List<MemberId> find(TenantId tenant, PulseScope scope) {
    requireNonNull(tenant, "tenant");
    requireNonNull(scope, "scope");
    return database.read("find pulse watchers", tenant, handle -> handle.createQuery(FIND)
        .bind("tenant", tenant.value())
        .bind("scope", scope.wireName())
        .map((rs, ctx) -> MemberId.of(rs.getString(1)))
        .list()).stream().sorted().toList();
  }

  @Override
  public List<ScopeWatchers> findAll(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    Map<String, List<MemberId>> byScope = new TreeMap<>();
    database.read("list pulse watchers", tenant, handle -> handle.createQuery(FIND_ALL)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> Map.entry(rs.getString(1), MemberId.of(rs.getString(2))))
        .list())
        .forEach(row -> byScope.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
    List<ScopeWatchers> all = new ArrayList<>();
    byScope.forEach((scope, members) -> all.add(new ScopeWatchers(parse(tenant, scope), members)));
    return all;
  }

  @Override
  public int add(TenantId tenant, PulseScope scope, Collection<MemberId> members) {
    requireNonNull(tenant, "tenant");
    requireNonNull(scope, "scope");
    TreeSet<MemberId> sorted = new TreeSet<>(members);
    long at = EpochNanos.of(Instant.now(), "addedAt");
    return database.write("add pulse watchers", tenant, handle -> {
      int added = 0;
      for (MemberId m : sorted) {
        int present = handle.createQuery(EXISTS).bind("tenant", tenant.value()).bind("scope", scope.wireName())
            .bind("member", m.value()).mapTo(Integer.class).one();
        if (present == 0) {
          added += handle.createUpdate(INSERT).bind("tenant", tenant.value()).bind("scope", scope.wireName())
              .bind("member", m.value()).bind("at", at).execute();
        }
      }
      return added;
    });
  }

  @Override
  public int remove(TenantId tenant, PulseScope scope, Collection<MemberId> members) {
    requireNonNull(tenant, "tenant");
    requireNonNull(scope, "scope");
    TreeSet<MemberId> sorted = new TreeSet<>(members);
    return database.update("remove pulse watchers", tenant, handle -> {
      int removed = 0;
      for (MemberId m : sorted) {
        removed += handle.createUpdate(DELETE).bind("tenant", tenant.value()).bind("scope", scope.wireName())
            .bind("member", m.value()).execute();
      }
      return removed;
    });
  }

  /** A stored scope; a row no version of Convener could have written is a storage failure. */
  private static PulseScope parse(TenantId tenant, String wireName) {
    try {
      return PulseScope.parse(wireName);
    } catch (IllegalArgumentException e) {
      throw new StorageException("a pulse watcher row of tenant '" + tenant + "' has an unreadable scope", e);
    }
  }
}
