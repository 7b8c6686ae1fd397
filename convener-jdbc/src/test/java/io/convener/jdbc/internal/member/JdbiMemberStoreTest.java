package io.convener.jdbc.internal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.CohortId;
import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.jdbc.JdbcFixtures;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.TestDatabase;
import io.convener.testing.keys.FakePersonalDataCipher;
import io.convener.testing.storage.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The membership lookup tables and the apart-kept personal data, on every local database. */
class JdbiMemberStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void membershipRowsFollowEveryUpsertAndOrgUnitsRollUp(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture s = JdbcFixtures.open(settings, () -> {})) {
      s.lifecycle().start();
      Member full = Member.builder(MemberId.of("m-1"))
          .teams(TeamId.of("platform"), TeamId.of("db"))
          .cohorts(CohortId.of("intake-2024"))
          .org(OrgUnit.of("eng/platform/db"))
          .displayName("Zoë")
          .build();
      s.members().upsert(ACME, List.of(full, Member.of(MemberId.of("m-2"))));
      s.members().upsert(GLOBEX, List.of(full));

      assertThat(rows(settings, "SELECT team_id, member_id FROM member_teams WHERE tenant_id = ? ORDER BY team_id", ACME))
          .containsExactly("db m-1", "platform m-1");
      assertThat(rows(settings, "SELECT cohort_id, member_id FROM member_cohorts WHERE tenant_id = ?", ACME))
          .containsExactly("intake-2024 m-1");
      assertThat(rows(settings,
              "SELECT org_unit, depth FROM member_org_units WHERE tenant_id = ? AND member_id = 'm-1' ORDER BY depth", ACME))
          .containsExactly("eng 0", "eng/platform 1", "eng/platform/db 2");
      assertThat(rows(settings,
              "SELECT member_id FROM member_org_units WHERE tenant_id = ? AND org_unit = 'eng'", ACME))
          .as("members under eng, rolled up").containsExactly("m-1");
      assertThat(rows(settings, "SELECT member_id, email FROM member_personal WHERE tenant_id = ?", ACME))
          .as("a personal row only for members with personal data").containsExactly("m-1 null");
      assertThat(rows(settings, "SELECT display_name FROM member_personal WHERE tenant_id = ?", ACME))
          .singleElement().asString().startsWith(FakePersonalDataCipher.PREFIX).doesNotContain("Zoë");

      s.members().upsert(ACME, List.of(Member.builder(MemberId.of("m-1")).teams(TeamId.of("sales")).build()));

      assertThat(rows(settings, "SELECT team_id, member_id FROM member_teams WHERE tenant_id = ?", ACME))
          .containsExactly("sales m-1");
      assertThat(rows(settings, "SELECT org_unit FROM member_org_units WHERE tenant_id = ?", ACME)).isEmpty();
      assertThat(rows(settings, "SELECT member_id FROM member_personal WHERE tenant_id = ?", ACME)).isEmpty();
      assertThat(rows(settings, "SELECT team_id FROM member_teams WHERE tenant_id = ? ORDER BY team_id", GLOBEX))
          .as("the other tenant's rows are untouched").containsExactly("db", "platform");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void upsertsRegisterTheirTenant(TestDatabase db) {
    try (StoreFixture s = JdbcFixtures.open(db.settings(dir), () -> {})) {
      s.lifecycle().start();
      TenantId fresh = TenantId.of("registered-by-upsert");

      s.members().upsert(fresh, List.of(Member.of(MemberId.of("m"))));

      assertThat(s.tenants().exists(fresh)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void personalDataGoesThroughTheCipherOncePerBatchAndOnlyCiphertextIsStored(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture s = JdbcFixtures.open(settings, () -> {})) {
      s.lifecycle().start();
      FakePersonalDataCipher cipher = (FakePersonalDataCipher) s.cipher();
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        members.add(Member.builder(MemberId.of("m-" + i)).displayName("Name " + i).email("m" + i + "@example.org").build());
      }
      members.add(Member.of(MemberId.of("plain")));

      s.members().upsert(ACME, members);
      s.members().upsert(ACME, List.of(Member.of(MemberId.of("no-personal-data"))));
      assertThat(cipher.encryptCalls()).as("one call for the batch, none without personal data").isEqualTo(1);
      assertThat(s.members().list(ACME)).hasSize(52).containsAll(members);
      assertThat(cipher.decryptCalls()).as("one call for the whole list").isEqualTo(1);

      List<String> stored = rows(settings, "SELECT display_name, email FROM member_personal WHERE tenant_id = ?", ACME);
      assertThat(stored).hasSize(50).allSatisfy(row -> assertThat(row)
          .doesNotContain("Name ", "@example.org")
          .matches(FakePersonalDataCipher.PREFIX + "\\S+ " + FakePersonalDataCipher.PREFIX + "\\S+"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, mode = EnumSource.Mode.EXCLUDE, names = "POSTGRESQL")
  void movedOrPlaintextPersonalValuesFailIntegrityAndErasureDeletesTheRow(TestDatabase db) throws Exception {
    JdbcSettings settings = db.settings(dir);
    try (StoreFixture s = JdbcFixtures.open(settings, () -> {})) {
      s.lifecycle().start();
      s.members().upsert(ACME, List.of(
          Member.builder(MemberId.of("ann")).displayName("Ann").email("ann@example.org").build(),
          Member.builder(MemberId.of("bob")).displayName("Bob").build()));

      execute(settings, "UPDATE member_personal SET display_name = email WHERE tenant_id = 'acme' AND member_id = 'ann'");
      assertThatThrownBy(() -> s.members().find(ACME, MemberId.of("ann")))
          .as("the email's ciphertext in the display name column").isInstanceOf(IntegrityException.class);
      execute(settings, "UPDATE member_personal SET display_name = 'Ann' WHERE tenant_id = 'acme' AND member_id = 'ann'");
      assertThatThrownBy(() -> s.members().list(ACME)).as("plaintext").isInstanceOf(IntegrityException.class);

      assertThat(s.members().erasePersonalData(ACME, MemberId.of("ann"))).isTrue();
      assertThat(rows(settings, "SELECT member_id FROM member_personal WHERE tenant_id = ?", ACME)).containsExactly("bob");
      assertThat(s.members().find(ACME, MemberId.of("ann"))).contains(Member.of(MemberId.of("ann")));
      assertThat(s.tenants().exists(TenantId.of("only-erased"))).isFalse();
      assertThat(s.members().erasePersonalData(TenantId.of("only-erased"), MemberId.of("ann"))).isFalse();
      assertThat(s.tenants().exists(TenantId.of("only-erased"))).as("erasure registers no tenant").isFalse();
    }
  }

  private static void execute(JdbcSettings settings, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.url());
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private static List<String> rows(JdbcSettings settings, String sql, TenantId tenant) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(settings.url());
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            values.add(rs.getString(i));
          }
          rows.add(String.join(" ", values));
        }
      }
    }
    return rows;
  }
}
