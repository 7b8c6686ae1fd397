package io.convener.jdbc.internal.member;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import io.convener.jdbc.internal.db.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Column encoding of members: binds a member's row, and maps a row back. */
final class MemberRows {
  private MemberRows() {}

  /** Binds {@code id, org, teams, cohorts, skills} of the member upsert. */
  static PreparedBatch bindMember(PreparedBatch batch, Member m) {
    return batch
        .bind("id", m.id().value())
        .bind("org", m.org().map(OrgUnit::path).orElse(null))
        .bind("teams", Json.array(m.teams(), TeamId::value))
        .bind("cohorts", Json.array(m.cohorts(), CohortId::value))
        .bind("skills", Json.array(m.skills(), Function.identity()));
  }

  /** Maps a row of {@code member_id, org, teams, cohorts, skills, display_name, email}. */
  static Member map(ResultSet rs, StatementContext ctx) throws SQLException {
    Member.Builder b = Member.builder(MemberId.of(rs.getString(1)))
        .teams(Json.list(rs.getString(3), TeamId::of, "teams"))
        .cohorts(Json.list(rs.getString(4), CohortId::of, "cohorts"))
        .skills(Json.list(rs.getString(5), Function.identity(), "skills"));
    String org = rs.getString(2);
    if (org != null) {
      b.org(OrgUnit.of(org));
    }
    String displayName = rs.getString(6);
    if (displayName != null) {
      b.displayName(displayName);
    }
    String email = rs.getString(7);
    if (email != null) {
      b.email(email);
    }
    return b.build();
  }

  /** How deep a unit lies: 0 for a root such as {@code eng}, 1 for {@code eng/platform}. */
  static int depth(OrgUnit unit) {
    return (int) unit.path().chars().filter(c -> c == '/').count();
  }
}
