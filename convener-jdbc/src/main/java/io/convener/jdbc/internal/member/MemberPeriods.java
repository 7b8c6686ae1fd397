package io.convener.jdbc.internal.member;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import io.convener.jdbc.internal.db.Json;
import io.convener.spi.storage.MembershipPeriod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code member_periods} rows of a member upsert, inside its transaction: reads the history
 * (and, for records with {@code validFrom}, the stored member) of the batch's members before the
 * members are replaced, applies {@link MembershipPeriod#after} to each record in order, and
 * rewrites the periods
 * of the members whose history changed. Not thread-safe; used once per upsert.
 */
final class MemberPeriods {
  static final String SELECT_ALL =
      "SELECT member_id, valid_from, org, teams, cohorts FROM member_periods WHERE tenant_id = :tenant";
  static final String DELETE = "DELETE FROM member_periods WHERE tenant_id = :tenant AND member_id = :id";
  static final String INSERT =
      "INSERT INTO member_periods (tenant_id, member_id, valid_from, org, teams, cohorts) VALUES (:tenant, :id, :from, :org, :teams, :cohorts)";
  /** Members per query of the batch's rows: well under every database's limit of parameters. */
  private static final int CHUNK = 400;

  private final Map<MemberId, List<MembershipPeriod>> before = new HashMap<>();
  private final Map<MemberId, Member> stored = new HashMap<>();

  /**
   * Reads what the records' members have before the upsert: their periods, and the stored member
   * of those with a record that carries {@code validFrom}; call before the members are replaced.
   */
  static MemberPeriods read(Handle handle, String tenant, Collection<Member> records) {
    MemberPeriods p = new MemberPeriods();
    Set<String> all = new LinkedHashSet<>();
    Set<String> moving = new LinkedHashSet<>();
    for (Member m : records) {
      all.add(m.id().value());
      if (m.validFrom().isPresent()) {
        moving.add(m.id().value());
      }
    }
    inChunks(handle, SELECT_ALL, tenant, all, q -> q.map((rs, ctx) -> period(rs))
        .forEach(x -> p.before.computeIfAbsent(x.member(), k -> new ArrayList<>()).add(x)));
    inChunks(handle, JdbiMemberStore.SELECT_ALL_PSEUDONYMOUS, tenant, moving, q -> q.map((rs, ctx) -> MemberRows.member(rs))
        .forEach(m -> p.stored.put(m.id(), m)));
    p.before.values().forEach(list -> list.sort((a, b) -> Long.compare(a.fromMillis(), b.fromMillis())));
    return p;
  }

  /**
   * Rewrites the periods of every member whose history the records change, applying the records
   * in their order (several records of one member each take effect); after the members upsert.
   */
  void write(Handle handle, String tenant, Collection<Member> records) {
    Map<MemberId, List<MembershipPeriod>> now = new LinkedHashMap<>();
    Map<MemberId, Member> previous = new HashMap<>(stored);
    for (Member m : records) {
      List<MembershipPeriod> current = now.getOrDefault(m.id(), before.getOrDefault(m.id(), List.of()));
      now.put(m.id(), MembershipPeriod.after(current, Optional.ofNullable(previous.get(m.id())), m));
      previous.put(m.id(), m);
    }
    PreparedBatch delete = handle.prepareBatch(DELETE);
    PreparedBatch insert = handle.prepareBatch(INSERT);
    now.forEach((id, periods) -> {
      List<MembershipPeriod> old = before.getOrDefault(id, List.of());
      if (periods.equals(old)) {
        return;
      }
      if (!old.isEmpty()) {
        delete.bind("tenant", tenant).bind("id", id.value()).add();
      }
      for (MembershipPeriod x : periods) {
        insert.bind("tenant", tenant).bind("id", id.value()).bind("from", x.fromMillis())
            .bind("org", x.org().map(OrgUnit::path).orElse(null))
            .bind("teams", Json.array(x.teams(), TeamId::value))
            .bind("cohorts", Json.array(x.cohorts(), CohortId::value))
            .add();
      }
    });
    for (PreparedBatch b : List.of(delete, insert)) {
      if (b.size() > 0) {
        b.execute();
      }
    }
  }

  /** A row of {@code member_id, valid_from, org, teams, cohorts}. */
  static MembershipPeriod period(ResultSet rs) throws SQLException {
    String org = rs.getString(3);
    return new MembershipPeriod(MemberId.of(rs.getString(1)), rs.getLong(2),
        Json.list(rs.getString(4), TeamId::of, "teams"), Json.list(rs.getString(5), CohortId::of, "cohorts"),
        org == null ? Optional.empty() : Optional.of(OrgUnit.of(org)));
  }

  /** Runs {@code select} (which binds :tenant) restricted to these member ids, a chunk at a time. */
  private static void inChunks(Handle handle, String select, String tenant, Set<String> distinct, Consumer<Query> read) {
    List<String> ids = List.copyOf(distinct);
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      StringBuilder sql = new StringBuilder(select).append(" AND member_id IN (");
      for (int j = 0; j < chunk.size(); j++) {
        sql.append(j == 0 ? ":m" : ", :m").append(j);
      }
      Query q = handle.createQuery(sql.append(')').toString()).bind("tenant", tenant);
      for (int j = 0; j < chunk.size(); j++) {
        q.bind("m" + j, chunk.get(j));
      }
      read.accept(q);
    }
  }
}
