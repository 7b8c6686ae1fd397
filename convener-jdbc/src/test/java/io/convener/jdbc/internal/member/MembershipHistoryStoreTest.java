package io.convener.jdbc.internal.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.MembershipPeriod;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The membership history the member upsert records (V29), on every database: a move with {@code
 * validFrom}, a late move before the last one, unchanged and changed records without it, and
 * tenant isolation.
 */
class MembershipHistoryStoreTest {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final MemberId M = MemberId.of("m-1");
  static final Instant X = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant Y = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMoveIsRecordedAndTheCurrentMembershipIsTheLastPeriod(TestDatabase db) {
    with(db, (members, history) -> {
      members.upsert(ACME, List.of(member("a", null), Member.of(MemberId.of("m-2"))));
      assertThat(history.periods(ACME)).as("no move, no history").isEmpty();

      members.upsert(ACME, List.of(member("b", X)));
      members.upsert(GLOBEX, List.of(member("z", null)));

      assertThat(history.periods(ACME)).containsExactly(period("a", MembershipPeriod.BEGINNING), period("b", X.toEpochMilli()));
      assertThat(history.periods(GLOBEX)).as("another tenant's members have no history here").isEmpty();
      Member read = members.find(ACME, M).orElseThrow();
      assertThat(read.teams()).containsExactly(TeamId.of("b"));
      assertThat(read.validFrom()).as("validFrom is an instruction, not a stored field").isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLateMoveReplacesWhatFollowsItAndRecordsWithoutValidFromKeepOrReplaceTheHistory(TestDatabase db) {
    with(db, (members, history) -> {
      members.upsert(ACME, List.of(member("a", null)));
      members.upsert(ACME, List.of(member("c", Y)));
      // Recorded after the fact: the member was in b from X on; that holds from X on, past Y too.
      members.upsert(ACME, List.of(member("b", X)));
      assertThat(history.periods(ACME)).containsExactly(period("a", MembershipPeriod.BEGINNING), period("b", X.toEpochMilli()));

      // Re-sending the roster unchanged (personal data may change) keeps the history.
      members.upsert(ACME, List.of(Member.builder(M).teams(TeamId.of("b")).org(OrgUnit.of("eng/b")).displayName("Ana").build()));
      assertThat(history.periods(ACME)).hasSize(2);

      // The same membership from a later instant changes nothing: the member is there already.
      members.upsert(ACME, List.of(member("b", Y)));
      assertThat(history.periods(ACME)).hasSize(2);

      // Another membership without validFrom: the record holds from the beginning, as before history.
      members.upsert(ACME, List.of(member("d", null)));
      assertThat(history.periods(ACME)).isEmpty();
      assertThat(members.find(ACME, M).orElseThrow().teams()).containsExactly(TeamId.of("d"));
    });
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_MEMORY", "SQLITE_FILE"})
  void aNewMemberWithValidFromHasNoMembershipBeforeIt(TestDatabase db) {
    with(db, (members, history) -> {
      members.upsert(ACME, List.of(member("b", X), Member.builder(MemberId.of("m-2")).teams(TeamId.of("b")).build()));
      assertThat(history.periods(ACME)).containsExactly(period("b", X.toEpochMilli()));
    });
  }

  /** The member m-1 in one team (and the org unit {@code eng/TEAM}), from {@code validFrom} if given. */
  static Member member(String team, @Nullable Instant validFrom) {
    Member.Builder b = Member.builder(M).teams(TeamId.of(team)).org(OrgUnit.of("eng/" + team));
    if (validFrom != null) {
      b.validFrom(validFrom);
    }
    return b.build();
  }

  static MembershipPeriod period(String team, long from) {
    return new MembershipPeriod(M, from, List.of(TeamId.of(team)), List.of(), Optional.of(OrgUnit.of("eng/" + team)));
  }

  private void with(TestDatabase db, BiConsumer<MemberStore, MembershipHistoryStore> test) {
    JdbcSettings settings = db.settings(dir);
    Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      test.accept(injector.getInstance(MemberStore.class), injector.getInstance(MembershipHistoryStore.class));
    } finally {
      lifecycle.close();
      db.dispose(settings);
    }
  }
}
