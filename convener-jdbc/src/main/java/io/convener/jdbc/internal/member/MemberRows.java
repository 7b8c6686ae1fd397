package io.convener.jdbc.internal.member;

import io.convener.api.CohortId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Member;
import io.convener.jdbc.internal.db.Json;
import io.convener.spi.keys.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * Column encoding of members: binds a member's row, and maps a row back to the member without its
 * personal data plus the ciphertexts of that data.
 */
final class MemberRows {
  private MemberRows() {}

  /**
   * The ciphertexts of a member's personal values, as {@code member_personal} holds them.
   *
   * @param displayName the display name's ciphertext, or null
   * @param email the email address's ciphertext, or null
   */
  record Sealed(@Nullable String displayName, @Nullable String email) {
    static final Sealed NONE = new Sealed(null, null);

    /** A copy with the ciphertext of one field set. */
    Sealed with(String field, String ciphertext) {
      return switch (field) {
        case PersonalDataCipher.DISPLAY_NAME -> new Sealed(ciphertext, email);
        case PersonalDataCipher.EMAIL -> new Sealed(displayName, ciphertext);
        default -> throw new IllegalArgumentException("not a member field: " + field);
      };
    }
  }

  /**
   * A member as stored: every field but the personal ones, which are still sealed.
   *
   * @param member the member without personal data
   * @param sealed the ciphertexts of the personal data
   */
  record Stored(Member member, Sealed sealed) {}

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
  static Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Stored(member(rs), new Sealed(rs.getString(6), rs.getString(7)));
  }

  /** The member of a row that starts with {@code member_id, org, teams, cohorts, skills}, without personal data. */
  static Member member(ResultSet rs) throws SQLException {
    Member.Builder b = Member.builder(MemberId.of(rs.getString(1)))
        .teams(Json.list(rs.getString(3), TeamId::of, "teams"))
        .cohorts(Json.list(rs.getString(4), CohortId::of, "cohorts"))
        .skills(Json.list(rs.getString(5), Function.identity(), "skills"));
    String org = rs.getString(2);
    if (org != null) {
      b.org(OrgUnit.of(org));
    }
    return b.build();
  }

  /** How deep a unit lies: 0 for a root such as {@code eng}, 1 for {@code eng/platform}. */
  static int depth(OrgUnit unit) {
    return (int) unit.path().chars().filter(c -> c == '/').count();
  }
}
