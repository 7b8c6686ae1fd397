package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.feedback.Feedback;
import io.convener.api.feedback.FeedbackId;
import io.convener.api.feedback.FeedbackStatus;
import io.convener.api.feedback.FeedbackTarget;
import io.convener.api.feedback.Verdict;
import io.convener.api.pulse.RiskKind;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.FeedbackStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feedback store on every database of the matrix (PostgreSQL skipped unless CONVENER_PG_URL is
 * set): every kind of target survives the round trip, lists are newest first, only holding disputes
 * are listed as such, a review is a compare-and-set on an open dispute, and each tenant sees only
 * its own rows even when the ids are the same.
 */
class FeedbackStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_MEMORY", "SQLITE_FILE", "POSTGRESQL"})
  void storesListsAndReviewsPerTenant(TestDatabase database) {
    JdbcSettings settings = database.settings(dir);
    Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      FeedbackStore store = injector.getInstance(FeedbackStore.class);
      Feedback champion = given("fb-1", ACME, FeedbackTarget.champion(MemberId.of("ana")), Verdict.DISPUTE, 0);
      Feedback credit = given("fb-2", ACME,
          FeedbackTarget.attribution(EventId.of("o-1"), MemberId.of("bo")), Verdict.AGREE, 1);
      Feedback flag = given("fb-3", ACME, FeedbackTarget.teamRisk(RiskKind.LOW_INCLUSION, TeamId.of("t-a")),
          Verdict.DISPUTE, 2);
      Feedback silent = given("fb-4", ACME, FeedbackTarget.memberRisk(RiskKind.SILENT_MEMBER, MemberId.of("cy")),
          Verdict.DISPUTE, 3);
      for (Feedback f : new Feedback[] {champion, credit, flag, silent}) {
        store.insert(ACME, f);
      }
      Feedback foreign = given("fb-1", GLOBEX, FeedbackTarget.champion(MemberId.of("zed")), Verdict.AGREE, 4);
      store.insert(GLOBEX, foreign);

      assertThat(store.find(ACME, champion.id())).contains(champion);
      assertThat(store.find(ACME, silent.id())).contains(silent);
      assertThat(store.find(GLOBEX, champion.id())).contains(foreign);
      assertThat(store.list(ACME, Optional.empty())).containsExactly(silent, flag, credit, champion);
      assertThat(store.list(ACME, Optional.of(FeedbackStatus.NOTED))).containsExactly(credit);
      assertThat(store.holdingDisputes(ACME)).containsExactly(champion, flag, silent);
      assertThat(store.holdingDisputes(GLOBEX)).isEmpty();
      assertThatThrownBy(() -> store.insert(ACME, champion)).isInstanceOf(StorageException.class);

      Feedback rejected = champion.reviewed(false, "admin-1", T0.plusSeconds(60));
      assertThat(store.review(ACME, rejected)).isTrue();
      assertThat(store.review(ACME, champion.reviewed(true, "admin-2", T0.plusSeconds(61))))
          .as("a second review of the same dispute loses the compare-and-set").isFalse();
      assertThat(store.find(ACME, champion.id())).contains(rejected);
      assertThat(store.holdingDisputes(ACME)).containsExactly(flag, silent);
      Feedback accepted = flag.reviewed(true, "admin-1", T0.plusSeconds(62));
      Feedback sameIdInGlobex = given("fb-3", GLOBEX, flag.target(), Verdict.DISPUTE, 2);
      assertThat(store.review(GLOBEX, sameIdInGlobex.reviewed(true, "admin-1", T0.plusSeconds(62))))
          .as("globex has no fb-3 to review; acme's stays open").isFalse();
      assertThat(store.holdingDisputes(ACME)).containsExactly(flag, silent);
      assertThat(store.review(ACME, accepted)).isTrue();
      assertThat(store.holdingDisputes(ACME)).containsExactly(flag.reviewed(true, "admin-1", T0.plusSeconds(62)),
          silent);
      assertThat(store.list(GLOBEX, Optional.empty())).containsExactly(foreign);
    } finally {
      lifecycle.close();
      database.dispose(settings);
    }
  }

  private static Feedback given(String id, TenantId tenant, FeedbackTarget target, Verdict verdict, int second) {
    return Feedback.given(FeedbackId.of(id), tenant, target, verdict, "ev2:cipher-" + id, "author-" + id,
        T0.plusSeconds(second));
  }
}
