package io.convener.testing.storage;

import static io.convener.testing.storage.ConsentData.fullGrant;
import static io.convener.testing.storage.ConsentData.grant;
import static io.convener.testing.storage.ConsentData.revoke;
import static io.convener.testing.storage.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.spi.storage.ConsentAppendResult;
import io.convener.spi.storage.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsentStore}: every implementation passes it once per database it
 * supports. A subclass implements {@link #openConsentStores()}; the contract starts the lifecycle
 * before each test and closes the fixture after it.
 *
 * <p>Covered: records round-trip every field; appends are idempotent by record id (the first write
 * wins, duplicates reported in the order given, also within one list); the projection keeps each
 * subject's latest record per purpose (latest {@code at}, then last appended), so an out-of-order
 * record only joins the history; {@code granted} lists current, unexpired grants ordered by
 * subject; the version rises by one per appended record and per policy change, also under
 * concurrent writers; a policy set to nothing is not the same as no policy; and the same ids in two
 * tenants never leak across, for every method. {@link ConsentProjectionProperties}, which this
 * class extends, checks the projection against a model on generated histories.
 */
public abstract class ConsentStoreContract extends ConsentProjectionProperties {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Purpose CHAMPION = Purpose.CHAMPION_RECOMMENDATION;
  private static final Purpose PULSE = Purpose.PULSE_INDIVIDUAL;

  private @Nullable ConsentStoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected ConsentStoreContract() {}

  @BeforeEach
  void openAndStart() throws Exception {
    fixture = openConsentStores();
    fixture.lifecycle().start();
    fixture.tenants().register(ACME);
    fixture.tenants().register(GLOBEX);
  }

  @AfterEach
  void closeFixture() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Override
  final ConsentStoreFixture consentStores() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture: openConsentStores() failed");
    }
    return fixture;
  }

  private ConsentStore store() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture: openConsentStores() failed");
    }
    return fixture.consent();
  }

  @Test
  void recordsWithEveryFieldRoundTrip() {
    ConsentRecord full = fullGrant(ACME, "r-full", "mémbre-1");
    ConsentRecord minimal = revoke(ACME, "r-min", "mémbre-1", CHAMPION, 5);

    ConsentAppendResult result = store().append(ACME, List.of(full, minimal));

    assertThat(result).isEqualTo(new ConsentAppendResult(2, List.of(), 2));
    assertThat(store().find(ACME, full.id())).contains(full);
    assertThat(store().find(ACME, minimal.id())).contains(minimal);
    assertThat(store().current(ACME, full.subject(), full.purpose())).contains(full);
    assertThat(store().current(ACME, full.subject(), CHAMPION)).contains(minimal);
    assertThat(store().history(ACME, full.subject())).containsExactly(full, minimal);
    assertThat(store().granted(ACME, full.purpose(), ContractData.T0)).containsExactly(full);
  }

  @Test
  void appendsAreIdempotentByRecordIdAndTheFirstWriteWins() {
    ConsentRecord a = grant(ACME, "a", "ana", CHAMPION, 1);
    ConsentRecord b = grant(ACME, "b", "bo", CHAMPION, 2);
    store().append(ACME, List.of(a, b));

    ConsentRecord changedB = revoke(ACME, "b", "bo", CHAMPION, 9);
    ConsentRecord c = grant(ACME, "c", "cy", PULSE, 3);
    ConsentAppendResult again = store().append(ACME, List.of(c, changedB, a, c));

    assertThat(again.appended()).isEqualTo(1);
    assertThat(again.duplicates()).containsExactly(b.id(), a.id(), c.id());
    assertThat(again.version()).isEqualTo(3);
    assertThat(store().find(ACME, b.id())).contains(b);
    assertThat(store().current(ACME, b.subject(), CHAMPION)).contains(b);
    assertThat(store().history(ACME, b.subject())).containsExactly(b);
    assertThat(store().version(ACME)).isEqualTo(3);

    assertThat(store().append(ACME, List.of(a, b, c))).isEqualTo(new ConsentAppendResult(0, List.of(a.id(), b.id(), c.id()), 3));
    assertThat(store().append(ACME, List.of())).isEqualTo(new ConsentAppendResult(0, List.of(), 3));
  }

  @Test
  void theLatestAtWinsAndAnOlderRecordOnlyJoinsTheHistory() {
    ConsentRecord granted = grant(ACME, "g", "ana", CHAMPION, 20);
    ConsentRecord olderRevocation = revoke(ACME, "old", "ana", CHAMPION, 10);
    ConsentRecord newerRevocation = revoke(ACME, "new", "ana", CHAMPION, 30);

    store().append(ACME, List.of(granted));
    store().append(ACME, List.of(olderRevocation));
    assertThat(store().current(ACME, MemberId.of("ana"), CHAMPION)).contains(granted);
    assertThat(store().granted(ACME, CHAMPION, at(25))).containsExactly(granted);

    store().append(ACME, List.of(newerRevocation));
    assertThat(store().current(ACME, MemberId.of("ana"), CHAMPION)).contains(newerRevocation);
    assertThat(store().granted(ACME, CHAMPION, at(25))).isEmpty();
    assertThat(store().history(ACME, MemberId.of("ana"))).containsExactly(granted, olderRevocation, newerRevocation);
  }

  @Test
  void withinOneAppendTheLatestAtWinsWhateverTheOrder() {
    ConsentRecord newest = grant(ACME, "n", "ana", CHAMPION, 30);
    ConsentRecord oldest = revoke(ACME, "o", "ana", CHAMPION, 10);
    ConsentRecord middle = revoke(ACME, "m", "ana", CHAMPION, 20);

    store().append(ACME, List.of(middle, newest, oldest));

    assertThat(store().current(ACME, MemberId.of("ana"), CHAMPION)).contains(newest);
    assertThat(store().history(ACME, MemberId.of("ana"))).containsExactly(middle, newest, oldest);
  }

  @Test
  void atEqualInstantsTheRecordAppendedLastWins() {
    ConsentRecord g = grant(ACME, "g", "ana", CHAMPION, 10);
    ConsentRecord r = revoke(ACME, "r", "ana", CHAMPION, 10);
    store().append(ACME, List.of(g, r));
    assertThat(store().current(ACME, MemberId.of("ana"), CHAMPION)).contains(r);

    ConsentRecord g2 = grant(ACME, "g2", "ana", CHAMPION, 10);
    store().append(ACME, List.of(g2));
    assertThat(store().current(ACME, MemberId.of("ana"), CHAMPION)).contains(g2);
  }

  @Test
  void grantedListsCurrentUnexpiredGrantsOfThePurposeOrderedBySubject() {
    ConsentRecord cy = grant(ACME, "cy", "cy", CHAMPION, 1);
    ConsentRecord ana = grant(ACME, "ana", "ana", CHAMPION, 1);
    ConsentRecord expiring = ConsentRecord.builder().id(ConsentRecordId.of("bo")).tenant(ACME)
        .subject(MemberId.of("bo")).purpose(CHAMPION).decision(ConsentDecision.GRANTED)
        .method(cy.method()).recordedBy("admin").at(at(1)).expiresAt(at(100)).build();
    ConsentRecord revoked = revoke(ACME, "dee", "dee", CHAMPION, 1);
    ConsentRecord otherPurpose = grant(ACME, "eve", "eve", PULSE, 1);
    store().append(ACME, List.of(cy, ana, expiring, revoked, otherPurpose));

    assertThat(store().granted(ACME, CHAMPION, at(99))).containsExactly(ana, expiring, cy);
    assertThat(store().granted(ACME, CHAMPION, at(100))).as("expired at its expiry instant").containsExactly(ana, cy);
    assertThat(store().granted(ACME, PULSE, at(100))).containsExactly(otherPurpose);
    assertThat(store().granted(ACME, Purpose.PROFILE_SHARE, at(1))).isEmpty();
    assertThat(store().granted(ACME, CHAMPION, Instant.MAX)).containsExactly(ana, cy);
    assertThat(store().current(ACME, MemberId.of("bo"), CHAMPION)).as("current includes expired").contains(expiring);
  }

  @Test
  void theVersionRisesByOnePerAppendedRecordAndPerPolicyChange() {
    assertThat(store().version(ACME)).isZero();
    ConsentAppendResult first = store().append(ACME, List.of(
        grant(ACME, "a", "ana", CHAMPION, 1), grant(ACME, "b", "bo", CHAMPION, 1), grant(ACME, "c", "cy", PULSE, 1)));
    assertThat(first.version()).isEqualTo(3);
    assertThat(store().version(ACME)).isEqualTo(3);

    assertThat(store().setPolicy(ACME, ConsentPolicy.enabling(CHAMPION))).isEqualTo(4);
    assertThat(store().version(ACME)).isEqualTo(4);
    assertThat(store().version(GLOBEX)).isZero();
  }

  @Test
  void aPolicySetToNothingIsNotTheSameAsNoPolicy() {
    assertThat(store().policy(ACME)).isEmpty();
    ConsentPolicy two = ConsentPolicy.enabling(CHAMPION, Purpose.of("host.analytics"));
    store().setPolicy(ACME, two);
    assertThat(store().policy(ACME)).contains(two);

    store().setPolicy(ACME, ConsentPolicy.enabling());
    assertThat(store().policy(ACME)).contains(ConsentPolicy.enabling());
    assertThat(store().policy(GLOBEX)).isEmpty();
  }

  @Test
  void aRecordOfAnotherTenantIsRefusedAndNothingIsWritten() {
    ConsentRecord mine = grant(ACME, "mine", "ana", CHAMPION, 1);
    ConsentRecord theirs = grant(GLOBEX, "theirs", "ana", CHAMPION, 1);

    assertThatThrownBy(() -> store().append(ACME, List.of(mine, theirs)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store().find(ACME, mine.id())).isEmpty();
    assertThat(store().version(ACME)).isZero();
    assertThat(store().version(GLOBEX)).isZero();
  }

  @Test
  void unknownRecordsSubjectsAndTenantsAreEmpty() {
    TenantId unknown = TenantId.of("never-registered");
    for (TenantId tenant : List.of(ACME, unknown)) {
      assertThat(store().find(tenant, ConsentRecordId.of("nothing"))).isEmpty();
      assertThat(store().current(tenant, MemberId.of("nobody"), CHAMPION)).isEmpty();
      assertThat(store().granted(tenant, CHAMPION, at(1))).isEmpty();
      assertThat(store().history(tenant, MemberId.of("nobody"))).isEmpty();
      assertThat(store().policy(tenant)).isEmpty();
      assertThat(store().version(tenant)).isZero();
    }
  }

  @Test
  void theSameIdsInTwoTenantsNeverLeakAcross() {
    ConsentRecord acmeGrant = grant(ACME, "shared", "shared-member", CHAMPION, 1);
    ConsentRecord globexRevoke = revoke(GLOBEX, "shared", "shared-member", CHAMPION, 2);
    ConsentRecord acmeOnly = grant(ACME, "acme-only", "acme-member", PULSE, 3);
    MemberId shared = acmeGrant.subject();

    store().append(ACME, List.of(acmeGrant, acmeOnly));
    assertThat(store().append(GLOBEX, List.of(globexRevoke)))
        .as("an id known only in another tenant is new").isEqualTo(new ConsentAppendResult(1, List.of(), 1));
    store().setPolicy(GLOBEX, ConsentPolicy.enabling(PULSE));

    assertThat(store().find(ACME, acmeGrant.id())).contains(acmeGrant);
    assertThat(store().find(GLOBEX, acmeGrant.id())).contains(globexRevoke);
    assertThat(store().find(GLOBEX, acmeOnly.id())).isEmpty();
    assertThat(store().current(ACME, shared, CHAMPION)).contains(acmeGrant);
    assertThat(store().current(GLOBEX, shared, CHAMPION)).contains(globexRevoke);
    assertThat(store().current(GLOBEX, acmeOnly.subject(), PULSE)).isEmpty();
    assertThat(store().granted(ACME, CHAMPION, at(10))).containsExactly(acmeGrant);
    assertThat(store().granted(GLOBEX, CHAMPION, at(10))).isEmpty();
    assertThat(store().granted(GLOBEX, PULSE, at(10))).isEmpty();
    assertThat(store().history(ACME, shared)).containsExactly(acmeGrant);
    assertThat(store().history(GLOBEX, shared)).containsExactly(globexRevoke);
    assertThat(store().history(GLOBEX, acmeOnly.subject())).isEmpty();
    assertThat(store().version(ACME)).isEqualTo(2);
    assertThat(store().version(GLOBEX)).isEqualTo(2);
    assertThat(store().policy(ACME)).isEmpty();
    assertThat(store().policy(GLOBEX)).contains(ConsentPolicy.enabling(PULSE));

    // Writing in one tenant changes nothing in the other.
    assertThat(store().append(GLOBEX, List.of(revoke(GLOBEX, "shared", "x", PULSE, 9))).duplicates())
        .containsExactly(globexRevoke.id());
    store().append(GLOBEX, List.of(revoke(GLOBEX, "later", "shared-member", CHAMPION, 50)));
    assertThat(store().current(ACME, shared, CHAMPION)).contains(acmeGrant);
    assertThat(store().version(ACME)).isEqualTo(2);
  }

  @Test
  void concurrentAppendsEachGetTheirOwnVersion() throws Exception {
    int writers = 4;
    int perWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<ConsentRecord> all = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Callable<Long>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        tasks.add(() -> {
          Random random = new Random(writer);
          long last = 0;
          for (int i = 0; i < perWriter; i++) {
            String subject = "m-" + random.nextInt(3);
            ConsentRecord r = random.nextBoolean()
                ? grant(ACME, "w" + writer + "-" + i, subject, CHAMPION, random.nextInt(1000))
                : revoke(ACME, "w" + writer + "-" + i, subject, CHAMPION, random.nextInt(1000));
            all.add(r);
            last = store().append(ACME, List.of(r)).version();
          }
          return last;
        });
      }
      for (Future<Long> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isBetween((long) perWriter, (long) writers * perWriter);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store().version(ACME)).isEqualTo(writers * perWriter);
    Set<ConsentRecord> histories = new HashSet<>();
    for (int m = 0; m < 3; m++) {
      MemberId subject = MemberId.of("m-" + m);
      List<ConsentRecord> history = store().history(ACME, subject);
      histories.addAll(history);
      // The current record has the latest instant of the subject's records.
      Instant latest = history.stream().map(ConsentRecord::at).max(Instant::compareTo).orElseThrow();
      Optional<ConsentRecord> current = store().current(ACME, subject, CHAMPION);
      assertThat(current).isPresent();
      assertThat(current.get().at()).isEqualTo(latest);
    }
    assertThat(histories).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void startAndCloseAreIdempotent() {
    fixture().lifecycle().start();
    store().append(ACME, List.of(grant(ACME, "a", "ana", CHAMPION, 1)));
    fixture().lifecycle().close();
    fixture().lifecycle().close();
  }

  private ConsentStoreFixture fixture() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture: openConsentStores() failed");
    }
    return fixture;
  }
}
