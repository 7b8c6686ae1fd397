package io.convener.testing.storage;

import static io.convener.testing.storage.ContractData.T0;
import static io.convener.testing.storage.ContractData.at;
import static io.convener.testing.storage.ContractData.event;
import static io.convener.testing.storage.ContractData.fullEvent;
import static io.convener.testing.storage.ContractData.fullMember;
import static io.convener.testing.storage.ContractData.ids;
import static io.convener.testing.storage.ContractData.minimalMember;
import static io.convener.testing.storage.ContractData.scanOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TenantId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.InsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * The contract of the storage SPI ({@code io.convener.spi.storage}): every implementation passes
 * it once per database it supports. A subclass implements {@link #openStores()}; the contract
 * starts the lifecycle before each test and closes the fixture after it.
 *
 * <p>Covered: members and events round-trip every field exactly (nanosecond instants, nested attrs,
 * unicode, empty and present optionals); upserts replace every field; inserts are idempotent (the
 * first write of an id wins, duplicates are reported in the order given, also within one batch and
 * under concurrent writers); scans are ordered by instant then id and honour every filter
 * (half-open time range, kinds, actor); counts agree with scans, and the count of all events
 * stays exact through duplicates, repeated ids and concurrent writers; unknown ids are empty; and the
 * same ids written into two tenants never leak across, for every method, checked on hand-written
 * cases here and on generated ones in {@link TenantIsolationProperties}. The personal data kept
 * encrypted at rest, the wrapped member keys and erasure are covered in {@link
 * PersonalDataContract}.
 *
 * <p>The contract registers each tenant before writing to it, so it also suits stores that
 * require registration.
 */
public abstract class StorageContract extends PersonalDataContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private @Nullable StoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected StorageContract() {}

  @BeforeEach
  void openAndStart() throws Exception {
    fixture = openStores();
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
  final StoreFixture stores() {
    return s();
  }

  private StoreFixture s() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture: openStores() failed");
    }
    return fixture;
  }

  @Test
  void memberWithEveryFieldRoundTrips() {
    Member full = fullMember("mémbre-1");
    Member minimal = minimalMember("m-2");

    assertThat(s().members().upsert(ACME, List.of(full, minimal))).isEqualTo(2);

    assertThat(s().members().find(ACME, full.id())).contains(full);
    assertThat(s().members().find(ACME, minimal.id())).contains(minimal);
    assertThat(s().members().count(ACME)).isEqualTo(2);
  }

  @Test
  void upsertReplacesEveryFieldAndTheLastWriteWins() {
    MemberId id = MemberId.of("m-1");
    s().members().upsert(ACME, List.of(fullMember("m-1")));

    s().members().upsert(ACME, List.of(minimalMember("m-1")));
    assertThat(s().members().find(ACME, id)).contains(minimalMember("m-1"));

    Member renamed = Member.builder(id).displayName("Other Name").org(OrgUnit.of("sales")).build();
    s().members().upsert(ACME, List.of(fullMember("m-1"), renamed));
    assertThat(s().members().find(ACME, id)).contains(renamed);
    assertThat(s().members().list(ACME)).containsExactly(renamed);
    assertThat(s().members().count(ACME)).isEqualTo(1);
  }

  @Test
  void upsertOfNothingChangesNothing() {
    assertThat(s().members().upsert(ACME, List.of())).isZero();
    assertThat(s().members().count(ACME)).isZero();
  }

  @Test
  void listIsOrderedByIdAndCountAgrees() {
    List<Member> members = new ArrayList<>();
    for (String id : List.of("b", "a", "C", "é", "a-10", "a-9", "\uFF21", "\uD835\uDCB3")) {
      members.add(minimalMember(id));
    }
    s().members().upsert(ACME, members);

    List<Member> expected = new ArrayList<>(members);
    expected.sort((x, y) -> x.id().compareTo(y.id()));
    assertThat(s().members().list(ACME)).containsExactlyElementsOf(expected);
    assertThat(s().members().count(ACME)).isEqualTo(members.size());
  }

  @Test
  void unknownMembersAreEmpty() {
    assertThat(s().members().find(ACME, MemberId.of("nobody"))).isEmpty();
    assertThat(s().members().list(ACME)).isEmpty();
    assertThat(s().members().count(ACME)).isZero();
    TenantId unknown = TenantId.of("never-registered");
    assertThat(s().members().find(unknown, MemberId.of("nobody"))).isEmpty();
    assertThat(s().members().list(unknown)).isEmpty();
    assertThat(s().members().count(unknown)).isZero();
  }

  @Test
  void eventWithEveryFieldRoundTrips() {
    Event full = fullEvent("évènement-1", T0);
    Event minimal = event("e-2", T0, EventKind.MESSAGE, "m-1");

    InsertResult result = s().events().insert(ACME, List.of(full, minimal));

    assertThat(result).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(2, List.of()));
    assertThat(s().events().find(ACME, full.id())).contains(full);
    assertThat(s().events().find(ACME, minimal.id())).contains(minimal);
  }

  @Test
  void instantsRoundTripToTheNanosecondBeforeAndAfter1970() {
    List<Event> events = List.of(
        event("epoch", Instant.EPOCH, EventKind.MESSAGE, "m"),
        event("just-before-epoch", Instant.parse("1969-12-31T23:59:59.999999999Z"), EventKind.MESSAGE, "m"),
        event("long-ago", Instant.parse("1700-01-01T00:00:00.000000001Z"), EventKind.MESSAGE, "m"),
        event("far-ahead", Instant.parse("2250-12-31T23:59:59.999999999Z"), EventKind.MESSAGE, "m"));

    s().events().insert(ACME, events);

    for (Event e : events) {
      assertThat(s().events().find(ACME, e.id())).as(e.id().value()).contains(e);
    }
    List<Event> scanned = scanAll(ACME, EventQuery.all());
    assertThat(scanned).containsExactlyElementsOf(scanOrder(events));
  }

  @Test
  void reinsertingReportsDuplicatesInOrderAndTheFirstWriteWins() {
    Event first = fullEvent("e-1", at(1));
    Event second = event("e-2", at(2), EventKind.MESSAGE, "m-1");
    s().events().insert(ACME, List.of(first, second));

    Event changedFirst = first.toBuilder().weight(9).attrs(Attrs.of(Map.of("changed", true))).build();
    Event third = event("e-3", at(3), EventKind.REPLY, "m-2");
    InsertResult again = s().events().insert(ACME, List.of(third, second, changedFirst));

    assertThat(again.inserted()).isEqualTo(1);
    assertThat(again.duplicates()).containsExactly(second.id(), first.id());
    assertThat(s().events().find(ACME, first.id())).contains(first);
    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(3);

    InsertResult allAgain = s().events().insert(ACME, List.of(first, second, third));
    assertThat(allAgain).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(0, ids(first, second, third)));
  }

  @Test
  void duplicatesWithinOneBatchAreReportedAndTheFirstOccurrenceWins() {
    Event a = event("a", at(1), EventKind.MESSAGE, "m-1");
    Event b = event("b", at(2), EventKind.MESSAGE, "m-1");
    Event c = event("c", at(3), EventKind.MESSAGE, "m-1");
    Event otherA = event("a", at(9), EventKind.REVIEW, "m-9");

    InsertResult result = s().events().insert(ACME, List.of(a, b, otherA, c, b, a));

    assertThat(result.inserted()).isEqualTo(3);
    assertThat(result.duplicates()).containsExactly(a.id(), b.id(), a.id());
    assertThat(s().events().find(ACME, a.id())).contains(a);
    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(3);
  }

  @Test
  void insertOfNothingReportsNothing() {
    assertThat(s().events().insert(ACME, List.of())).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(0, List.of()));
  }

  @Test
  void concurrentInsertsOfTheSameEventsStoreEachOnce() throws Exception {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      events.add(event("c-" + i, at(i % 50), EventKind.MESSAGE, "m-" + (i % 7)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<InsertResult>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(w));
        writers.add(() -> {
          int inserted = 0;
          List<EventId> duplicates = new ArrayList<>();
          for (int from = 0; from < shuffled.size(); from += 50) {
            InsertResult r = s().events().insert(ACME, shuffled.subList(from, from + 50));
            inserted += r.inserted();
            duplicates.addAll(r.duplicates());
          }
          return new InsertResult(inserted, duplicates);
        });
      }
      int inserted = 0;
      int duplicates = 0;
      for (Future<InsertResult> f : pool.invokeAll(writers)) {
        inserted += f.get().inserted();
        duplicates += f.get().duplicates().size();
      }
      assertThat(inserted).isEqualTo(events.size());
      assertThat(duplicates).isEqualTo(3 * events.size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(events.size());
  }

  @Test
  void countingAllEventsAgreesWithCountingThemUnderABoundThatExcludesNothing() {
    EventQuery everything = EventQuery.between(T0.minusSeconds(86_400), T0.plusSeconds(86_400));
    assertThat(s().events().count(ACME, EventQuery.all())).isZero();

    s().events().insert(ACME, List.of(event("a", at(1), EventKind.MESSAGE, "m-1"), event("b", at(2), EventKind.REPLY, "m-2")));
    s().events().insert(ACME, List.of(event("b", at(2), EventKind.REPLY, "m-2"), event("c", at(3), EventKind.MESSAGE, "m-1"),
        event("c", at(3), EventKind.MESSAGE, "m-1"), event("d", at(3), EventKind.REVIEW, "m-3")));
    s().events().insert(ACME, List.of(event("a", at(1), EventKind.MESSAGE, "m-1"), event("d", at(3), EventKind.REVIEW, "m-3")));
    s().events().insert(GLOBEX, List.of(event("a", at(1), EventKind.MESSAGE, "m-1")));

    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(4);
    assertThat(s().events().count(ACME, everything)).isEqualTo(4);
    assertThat(s().events().count(GLOBEX, EventQuery.all())).isEqualTo(1);
    assertThat(s().events().count(TenantId.of("never-written"), EventQuery.all())).isZero();
  }

  @Test
  void scanIsOrderedByInstantThenIdWhateverTheInsertOrder() {
    List<Event> events = new ArrayList<>();
    for (String id : List.of("b", "a", "C", "é", "z", "a-10", "a-9", "\uFF21", "\uD835\uDCB3")) {
      events.add(event(id, at(5), EventKind.MESSAGE, "m"));
      events.add(event("later-" + id, at(7), EventKind.MESSAGE, "m"));
    }
    events.add(event("earliest", at(-3), EventKind.MESSAGE, "m"));
    events.add(event("between", at(6), EventKind.MESSAGE, "m"));
    Collections.shuffle(events, new Random(42));

    s().events().insert(ACME, events);

    assertThat(scanAll(ACME, EventQuery.all())).containsExactlyElementsOf(scanOrder(events));
  }

  @Test
  void scanAndCountHonourEveryFilter() {
    Event m0 = event("m0", at(0), EventKind.MESSAGE, "ann");
    Event r1 = event("r1", at(10), EventKind.REPLY, "bob");
    Event m2 = event("m2", at(20), EventKind.MESSAGE, "bob");
    Event s3 = event("s3", at(30), EventKind.SURVEY, "ann");
    Event r4 = event("r4", at(40), EventKind.REPLY, "ann");
    List<Event> all = List.of(m0, r1, m2, s3, r4);
    s().events().insert(ACME, all);

    // Half-open: from is included, until is excluded.
    assertMatches(EventQuery.between(at(10), at(30)), r1, m2);
    assertMatches(EventQuery.between(at(10), at(10)));
    assertMatches(EventQuery.between(at(10), at(10).plusNanos(1)), r1);
    assertMatches(new EventQuery(Optional.of(at(30)), Optional.empty(), Set.of(), Optional.empty()), s3, r4);
    assertMatches(new EventQuery(Optional.empty(), Optional.of(at(10)), Set.of(), Optional.empty()), m0);
    assertMatches(EventQuery.all(), m0, r1, m2, s3, r4);
    assertMatches(EventQuery.all().withKinds(Set.of(EventKind.REPLY)), r1, r4);
    assertMatches(EventQuery.all().withKinds(Set.of(EventKind.MESSAGE, EventKind.SURVEY)), m0, m2, s3);
    assertMatches(EventQuery.all().withKinds(Set.of(EventKind.CONSENT)));
    assertMatches(EventQuery.all().withActor(MemberId.of("ann")), m0, s3, r4);
    assertMatches(EventQuery.all().withActor(MemberId.of("nobody")));
    assertMatches(
        EventQuery.between(at(0), at(40)).withKinds(Set.of(EventKind.MESSAGE, EventKind.REPLY))
            .withActor(MemberId.of("bob")),
        r1, m2);
    // Bounds far outside any stored instant exclude nothing or everything.
    assertMatches(EventQuery.between(Instant.MIN, Instant.MAX), m0, r1, m2, s3, r4);
    assertMatches(EventQuery.between(Instant.MAX, Instant.MAX));
    assertMatches(EventQuery.between(Instant.MIN, Instant.parse("1000-01-01T00:00:00Z")));
  }

  @Test
  void anExceptionInTheSinkEndsTheScanAndPropagates() {
    s().events().insert(ACME, List.of(
        event("a", at(1), EventKind.MESSAGE, "m"),
        event("b", at(2), EventKind.MESSAGE, "m"),
        event("c", at(3), EventKind.MESSAGE, "m")));
    IllegalStateException stop = new IllegalStateException("enough");
    List<Event> seen = new ArrayList<>();

    assertThatThrownBy(() -> s().events().scan(ACME, EventQuery.all(), e -> {
      seen.add(e);
      throw stop;
    })).isSameAs(stop);
    assertThat(seen).hasSize(1);
    // The store is still usable.
    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(3);
  }

  @Test
  void unknownEventsAreEmpty() {
    assertThat(s().events().find(ACME, EventId.of("nothing"))).isEmpty();
    assertThat(scanAll(ACME, EventQuery.all())).isEmpty();
    assertThat(s().events().count(ACME, EventQuery.all())).isZero();
    TenantId unknown = TenantId.of("never-registered");
    assertThat(s().events().find(unknown, EventId.of("nothing"))).isEmpty();
    assertThat(scanAll(unknown, EventQuery.all())).isEmpty();
    assertThat(s().events().count(unknown, EventQuery.all())).isZero();
  }

  @Test
  void tenantsAreRegisteredIdempotently() {
    TenantId initech = TenantId.of("initech");
    assertThat(s().tenants().exists(initech)).isFalse();
    s().tenants().register(initech);
    s().tenants().register(initech);
    assertThat(s().tenants().exists(initech)).isTrue();
    assertThat(s().tenants().exists(TenantId.of("initech2"))).isFalse();
  }

  @Test
  void theSameIdsInTwoTenantsNeverLeakAcross() {
    Member acmeMember = fullMember("shared-member");
    Member globexMember = minimalMember("shared-member");
    Event acmeEvent = fullEvent("shared-event", at(1));
    Event globexEvent = event("shared-event", at(2), EventKind.REPLY, "globex-actor");
    Event acmeOnly = event("acme-only", at(3), EventKind.MESSAGE, "acme-actor");

    s().members().upsert(ACME, List.of(acmeMember));
    s().events().insert(ACME, List.of(acmeEvent, acmeOnly));
    assertThat(s().events().insert(GLOBEX, List.of(globexEvent)))
        .as("an id known only in another tenant is new").usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(1, List.of()));
    s().members().upsert(GLOBEX, List.of(globexMember));

    assertThat(s().members().find(ACME, acmeMember.id())).contains(acmeMember);
    assertThat(s().members().find(GLOBEX, acmeMember.id())).contains(globexMember);
    assertThat(s().members().list(ACME)).containsExactly(acmeMember);
    assertThat(s().members().list(GLOBEX)).containsExactly(globexMember);
    assertThat(s().members().count(GLOBEX)).isEqualTo(1);

    assertThat(s().events().find(ACME, acmeEvent.id())).contains(acmeEvent);
    assertThat(s().events().find(GLOBEX, acmeEvent.id())).contains(globexEvent);
    assertThat(s().events().find(GLOBEX, acmeOnly.id())).isEmpty();
    assertThat(scanAll(ACME, EventQuery.all())).containsExactly(acmeEvent, acmeOnly);
    assertThat(scanAll(GLOBEX, EventQuery.all())).containsExactly(globexEvent);
    assertThat(s().events().count(ACME, EventQuery.all())).isEqualTo(2);
    assertThat(s().events().count(GLOBEX, EventQuery.all())).isEqualTo(1);
    EventQuery byAcmeActor = EventQuery.all().withActor(acmeOnly.actor());
    assertThat(scanAll(GLOBEX, byAcmeActor)).isEmpty();
    assertThat(s().events().count(GLOBEX, byAcmeActor)).isZero();

    // Writing in one tenant changes nothing in the other.
    s().members().upsert(GLOBEX, List.of(minimalMember("shared-member")));
    assertThat(s().members().find(ACME, acmeMember.id())).contains(acmeMember);
    assertThat(s().events().insert(GLOBEX, List.of(acmeEvent)).duplicates()).containsExactly(acmeEvent.id());
    assertThat(s().events().find(ACME, acmeEvent.id())).contains(acmeEvent);
  }

  @Test
  void startAndCloseAreIdempotent() throws Exception {
    s().lifecycle().start();
    s().events().insert(ACME, List.of(event("e", at(1), EventKind.MESSAGE, "m")));
    s().lifecycle().close();
    s().lifecycle().close();
  }

  private List<Event> scanAll(TenantId tenant, EventQuery query) {
    List<Event> events = new ArrayList<>();
    s().events().scan(tenant, query, events::add);
    return events;
  }

  private void assertMatches(EventQuery query, Event... expected) {
    assertThat(scanAll(ACME, query)).as("scan %s", query).containsExactly(expected);
    assertThat(s().events().count(ACME, query)).as("count %s", query).isEqualTo(expected.length);
  }
}
