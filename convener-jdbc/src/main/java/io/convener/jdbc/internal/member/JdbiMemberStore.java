package io.convener.jdbc.internal.member;

import static java.util.Objects.requireNonNull;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.Json;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Members in the {@code members} table, their personal data in {@code member_personal}, and their
 * teams, cohorts and org units (rolled up to every ancestor) in the membership tables. An upsert
 * replaces all of a member's rows in one transaction, and registers the tenant if needed; it also
 * records the member's membership history ({@code member_periods}, see {@link MemberPeriods}).
 *
 * <p>Personal data is kept as ciphertext only: an upsert encrypts every personal value through the
 * {@link PersonalDataCipher} (one call per batch, before the write transaction, because the cipher
 * may store new member keys in a transaction of its own), and reads decrypt after the query. A
 * value whose key was shredded reads as absent. This store never sees a key. Thread-safe.
 */
public final class JdbiMemberStore implements MemberStore {
  static final String SELECT_ONE =
      """
      SELECT m.member_id, m.org, m.teams, m.cohorts, m.skills, p.display_name, p.email
      FROM members m
      LEFT JOIN member_personal p ON p.tenant_id = :tenant AND p.member_id = m.member_id
      WHERE m.tenant_id = :tenant AND m.member_id = :id""";

  static final String SELECT_ALL =
      """
      SELECT m.member_id, m.org, m.teams, m.cohorts, m.skills, p.display_name, p.email
      FROM members m
      LEFT JOIN member_personal p ON p.tenant_id = :tenant AND p.member_id = m.member_id
      WHERE m.tenant_id = :tenant""";

  /** The pseudonymous columns only. */
  static final String SELECT_ALL_PSEUDONYMOUS =
      "SELECT member_id, org, teams, cohorts, skills FROM members WHERE tenant_id = :tenant";

  static final String SELECT_CHANGED_PSEUDONYMOUS =
      "SELECT member_id, org, teams, cohorts, skills FROM members WHERE tenant_id = :tenant AND seq > :after AND seq <= :through ORDER BY member_id";
  static final String COUNT = "SELECT COUNT(*) FROM members WHERE tenant_id = :tenant";

  static final String DELETE_PERSONAL = "DELETE FROM member_personal WHERE tenant_id = :tenant AND member_id = :id";
  static final String DELETE_TEAMS = "DELETE FROM member_teams WHERE tenant_id = :tenant AND member_id = :id";
  static final String DELETE_COHORTS = "DELETE FROM member_cohorts WHERE tenant_id = :tenant AND member_id = :id";
  static final String DELETE_ORG_UNITS = "DELETE FROM member_org_units WHERE tenant_id = :tenant AND member_id = :id";

  static final String INSERT_PERSONAL =
      "INSERT INTO member_personal (tenant_id, member_id, display_name, email) VALUES (:tenant, :id, :displayName, :email)";
  static final String INSERT_TEAM =
      "INSERT INTO member_teams (tenant_id, team_id, member_id) VALUES (:tenant, :team, :id)";
  static final String INSERT_COHORT =
      "INSERT INTO member_cohorts (tenant_id, cohort_id, member_id) VALUES (:tenant, :cohort, :id)";
  static final String INSERT_ORG_UNIT =
      "INSERT INTO member_org_units (tenant_id, org_unit, member_id, depth) VALUES (:tenant, :unit, :id, :depth)";

  private final Database database;
  private final PersonalDataCipher cipher;

  @Inject
  JdbiMemberStore(Database database, PersonalDataCipher cipher) {
    this.database = requireNonNull(database, "database");
    this.cipher = requireNonNull(cipher, "cipher");
  }

  @Override
  public int upsert(TenantId tenant, Collection<Member> members) {
    requireNonNull(tenant, "tenant");
    requireNonNull(members, "members");
    // The last of several members with one id wins, as if they had been upserted one by one. Rows
    // go in id order, so that concurrent writers lock keys in the same order and never deadlock.
    Map<MemberId, Member> latest = new TreeMap<>();
    for (Member member : members) {
      latest.put(requireNonNull(member, "member").id(), member);
    }
    if (latest.isEmpty()) {
      return 0;
    }
    Map<MemberId, MemberRows.Sealed> sealed = seal(tenant, latest.values());
    database.write("upsert members", tenant, handle -> {
      MemberPeriods periods = MemberPeriods.read(handle, tenant.value(), members);
      replace(handle, tenant.value(), database.nextChange(handle, tenant), latest.values(), sealed);
      // The history takes every record, in order: a move may follow the member's first record.
      periods.write(handle, tenant.value(), members);
      return null;
    });
    return members.size();
  }

  /** The ciphertexts of every member's personal values, in one call to the cipher. */
  private Map<MemberId, MemberRows.Sealed> seal(TenantId tenant, Collection<Member> members) {
    List<PersonalValue> plaintexts = new ArrayList<>();
    for (Member m : members) {
      m.displayName().ifPresent(v -> plaintexts.add(PersonalValue.of(m.id(), PersonalDataCipher.DISPLAY_NAME, v)));
      m.email().ifPresent(v -> plaintexts.add(PersonalValue.of(m.id(), PersonalDataCipher.EMAIL, v)));
    }
    if (plaintexts.isEmpty()) {
      return Map.of();
    }
    List<String> ciphertexts = cipher.encryptAll(tenant, plaintexts);
    if (ciphertexts.size() != plaintexts.size()) {
      throw new IllegalStateException("the cipher returned " + ciphertexts.size() + " ciphertexts for "
          + plaintexts.size() + " values");
    }
    Map<MemberId, MemberRows.Sealed> sealed = new HashMap<>();
    for (int i = 0; i < plaintexts.size(); i++) {
      PersonalValue v = plaintexts.get(i);
      MemberRows.Sealed before = sealed.getOrDefault(v.subject(), MemberRows.Sealed.NONE);
      sealed.put(v.subject(), before.with(v.field(), ciphertexts.get(i)));
    }
    return sealed;
  }

  private void replace(
      Handle handle, String tenant, long change, Collection<Member> members, Map<MemberId, MemberRows.Sealed> sealed) {
    PreparedBatch upsert = handle.prepareBatch(database.dialect().memberUpsert());
    for (Member m : members) {
      MemberRows.bindMember(upsert.bind("tenant", tenant).bind("seq", change), m).add();
    }
    upsert.execute();
    for (String delete : List.of(DELETE_PERSONAL, DELETE_TEAMS, DELETE_COHORTS, DELETE_ORG_UNITS)) {
      PreparedBatch batch = handle.prepareBatch(delete);
      for (Member m : members) {
        batch.bind("tenant", tenant).bind("id", m.id().value()).add();
      }
      batch.execute();
    }
    PreparedBatch personal = handle.prepareBatch(INSERT_PERSONAL);
    PreparedBatch teams = handle.prepareBatch(INSERT_TEAM);
    PreparedBatch cohorts = handle.prepareBatch(INSERT_COHORT);
    PreparedBatch units = handle.prepareBatch(INSERT_ORG_UNIT);
    for (Member m : members) {
      String id = m.id().value();
      MemberRows.Sealed values = sealed.get(m.id());
      if (values != null) {
        personal.bind("tenant", tenant).bind("id", id)
            .bind("displayName", values.displayName())
            .bind("email", values.email())
            .add();
      }
      m.teams().forEach(t -> teams.bind("tenant", tenant).bind("team", t.value()).bind("id", id).add());
      m.cohorts().forEach(c -> cohorts.bind("tenant", tenant).bind("cohort", c.value()).bind("id", id).add());
      for (OrgUnit unit : m.org().map(OrgUnit::selfAndAncestors).orElse(List.of())) {
        units.bind("tenant", tenant).bind("unit", unit.path()).bind("id", id)
            .bind("depth", MemberRows.depth(unit)).add();
      }
    }
    for (PreparedBatch batch : List.of(personal, teams, cohorts, units)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  @Override
  public Optional<Member> find(TenantId tenant, MemberId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    Optional<MemberRows.Stored> stored = database.read("find member", tenant, handle -> handle.createQuery(SELECT_ONE)
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map(MemberRows::map)
        .findOne());
    return stored.map(s -> open(tenant, List.of(s)).get(0));
  }

  @Override
  public List<Member> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<MemberRows.Stored> stored = database.read("list members", tenant, handle -> handle.createQuery(SELECT_ALL)
        .bind("tenant", tenant.value())
        .map(MemberRows::map)
        .collectIntoList());
    // Ordered in Java: database collations disagree with MemberId's order beyond ASCII.
    List<Member> sorted = new ArrayList<>(open(tenant, stored));
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(sorted);
  }

  /**
   * {@inheritDoc} Each distinct stored team, cohort and skill list is parsed once, and members with
   * equal lists share its values (and the list itself when it has fewer than two): at a million
   * members separate copies made a few hundred megabytes, and the JSON parsing most of the time.
   */
  @Override
  public List<Member> listPseudonymous(TenantId tenant) {
    return pseudonymous(tenant, SELECT_ALL_PSEUDONYMOUS, null);
  }

  /**
   * The members whose last insert or replacement was one of the tenant's changes {@code (after,
   * through]}, pseudonymous, in id order: what another process changed since it last looked.
   */
  public List<Member> changed(TenantId tenant, long after, long through) {
    return pseudonymous(tenant, SELECT_CHANGED_PSEUDONYMOUS, new long[] {after, through});
  }

  /** The pseudonymous members {@code select} reads; {@code changes} binds its (after, through], if any. */
  private List<Member> pseudonymous(TenantId tenant, String select, long @Nullable [] changes) {
    requireNonNull(tenant, "tenant");
    Map<String, List<TeamId>> teams = new HashMap<>();
    Map<String, List<CohortId>> cohorts = new HashMap<>();
    Map<String, List<String>> skills = new HashMap<>();
    Map<String, OrgUnit> orgs = new HashMap<>();
    List<Member> members = new ArrayList<>(database.read("list members", tenant, handle -> {
      Query query = handle.createQuery(select).bind("tenant", tenant.value());
      if (changes != null) {
        query.bind("after", changes[0]).bind("through", changes[1]);
      }
      return query.map((rs, ctx) -> {
          String org = rs.getString(2);
          return new Member(MemberId.of(rs.getString(1)),
              teams.computeIfAbsent(rs.getString(3), j -> List.copyOf(Json.list(j, TeamId::of, "teams"))),
              cohorts.computeIfAbsent(rs.getString(4), j -> List.copyOf(Json.list(j, CohortId::of, "cohorts"))),
              org == null ? Optional.empty() : Optional.of(orgs.computeIfAbsent(org, OrgUnit::of)),
              Optional.empty(), Optional.empty(),
              skills.computeIfAbsent(rs.getString(5), j -> List.copyOf(Json.list(j, Function.identity(), "skills"))));
        })
        .collectIntoList();
    }));
    members.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(members);
  }

  /** The members with their personal values decrypted, in one call to the cipher. */
  private List<Member> open(TenantId tenant, List<MemberRows.Stored> stored) {
    List<PersonalValue> ciphertexts = new ArrayList<>();
    for (MemberRows.Stored s : stored) {
      if (s.sealed().displayName() != null) {
        ciphertexts.add(PersonalValue.of(s.member().id(), PersonalDataCipher.DISPLAY_NAME, s.sealed().displayName()));
      }
      if (s.sealed().email() != null) {
        ciphertexts.add(PersonalValue.of(s.member().id(), PersonalDataCipher.EMAIL, s.sealed().email()));
      }
    }
    if (ciphertexts.isEmpty()) {
      return stored.stream().map(MemberRows.Stored::member).toList();
    }
    List<Optional<String>> plaintexts = cipher.decryptAll(tenant, ciphertexts);
    Map<MemberId, Map<String, String>> opened = new HashMap<>();
    for (int i = 0; i < ciphertexts.size(); i++) {
      PersonalValue v = ciphertexts.get(i);
      plaintexts.get(i).ifPresent(p -> opened.computeIfAbsent(v.subject(), k -> new HashMap<>()).put(v.field(), p));
    }
    List<Member> members = new ArrayList<>(stored.size());
    for (MemberRows.Stored s : stored) {
      Map<String, String> values = opened.getOrDefault(s.member().id(), Map.of());
      Member m = s.member();
      members.add(new Member(m.id(), m.teams(), m.cohorts(), m.org(),
          Optional.ofNullable(values.get(PersonalDataCipher.DISPLAY_NAME)),
          Optional.ofNullable(values.get(PersonalDataCipher.EMAIL)),
          m.skills()));
    }
    return members;
  }

  @Override
  public boolean erasePersonalData(TenantId tenant, MemberId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    // The key first: once it is gone, every copy of the values is unreadable, whatever follows.
    boolean hadKey = cipher.shred(tenant, id);
    int deleted = database.update("erase personal data", tenant, handle -> handle.createUpdate(DELETE_PERSONAL)
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .execute());
    return hadKey || deleted > 0;
  }

  @Override
  public long count(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("count members", tenant, handle -> handle.createQuery(COUNT)
        .bind("tenant", tenant.value())
        .mapTo(Long.class)
        .one());
  }
}
