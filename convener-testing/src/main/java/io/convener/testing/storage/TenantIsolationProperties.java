package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.InsertResult;
import io.convener.spi.storage.WrappedKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * The generated half of the storage contract, run by jqwik: for random sets of ids, each written
 * into one tenant, the other or both with different content (members, events and wrapped keys), no
 * method of any store ever shows one tenant's rows to the other. Extend {@link StorageContract}, which extends this class, rather
 * than this class.
 *
 * <p>One fixture serves all tries of the property; each try uses two tenants of its own.
 */
public abstract class TenantIsolationProperties {
  private final AtomicInteger tries = new AtomicInteger();
  private @Nullable StoreFixture isolation;
  private @Nullable TestAbortedException unavailable;

  /** Subclasses have a no-argument constructor, as JUnit and jqwik require. */
  protected TenantIsolationProperties() {}

  /**
   * The stores under test, over a new and empty database; the lifecycle not yet started. Called
   * once per test and once per property; the contract starts the lifecycle and closes the fixture.
   */
  protected abstract StoreFixture openStores() throws Exception;

  @BeforeProperty
  void openIsolationFixture() throws Exception {
    try {
      isolation = openStores();
    } catch (TestAbortedException e) {
      // A JUnit assumption in openStores(), such as a database server that is not configured.
      unavailable = e;
      return;
    }
    isolation.lifecycle().start();
  }

  @AfterProperty
  void closeIsolationFixture() {
    if (isolation != null) {
      isolation.close();
    }
  }

  /** Where an id is written. */
  enum Side { FIRST, SECOND, BOTH }

  /** An id and where it is written. */
  record Placed(String id, Side side) {}

  @Provide
  Arbitrary<List<Placed>> layouts() {
    Arbitrary<String> ids = Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.:éΩ中".toCharArray())
        .ofMinLength(1)
        .ofMaxLength(12);
    return Combinators.combine(ids, Arbitraries.of(Side.class)).as(Placed::new)
        .list().ofMaxSize(25).uniqueElements(Placed::id);
  }

  @Property(tries = 40)
  @AddLifecycleHook(AbortOnAssumption.class)
  void sameIdsInTwoTenantsNeverLeak(@ForAll("layouts") List<Placed> layout) {
    if (unavailable != null) {
      return;
    }
    if (isolation == null) {
      throw new IllegalStateException("no fixture: openStores() failed");
    }
    StoreFixture s = isolation;
    int n = tries.incrementAndGet();
    TenantId first = TenantId.of("iso-" + n + "-first");
    TenantId second = TenantId.of("iso-" + n + "-second");
    List<Member> firstMembers = new ArrayList<>();
    List<Member> secondMembers = new ArrayList<>();
    List<Event> firstEvents = new ArrayList<>();
    List<Event> secondEvents = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      Placed p = layout.get(i);
      if (p.side() != Side.SECOND) {
        firstMembers.add(member(p.id(), "first"));
        firstEvents.add(event(p.id(), "first", i));
      }
      if (p.side() != Side.FIRST) {
        secondMembers.add(member(p.id(), "second"));
        secondEvents.add(event(p.id(), "second", i));
      }
    }
    s.tenants().register(first);
    s.tenants().register(second);
    s.members().upsert(first, firstMembers);
    s.members().upsert(second, secondMembers);
    assertThat(s.events().insert(first, firstEvents)).isEqualTo(new InsertResult(firstEvents.size(), List.of()));
    assertThat(s.events().insert(second, secondEvents)).isEqualTo(new InsertResult(secondEvents.size(), List.of()));

    assertSees(s, first, "second", layout, firstMembers, firstEvents);
    assertSees(s, second, "first", layout, secondMembers, secondEvents);
    assertKeysStayApart(s, first, second, layout);

    // An id stored only in the other tenant is new here; re-inserting one's own ids changes nothing.
    List<Event> firstOnly = firstEvents.stream()
        .filter(e -> secondEvents.stream().noneMatch(o -> o.id().equals(e.id()))).toList();
    assertThat(s.events().insert(second, firstOnly)).isEqualTo(new InsertResult(firstOnly.size(), List.of()));
    assertThat(s.events().insert(first, firstEvents).inserted()).isZero();
    assertSees(s, first, "second", layout, firstMembers, firstEvents);
  }

  private static void assertSees(
      StoreFixture s, TenantId tenant, String otherSide, List<Placed> layout, List<Member> members,
      List<Event> events) {
    List<Member> sortedMembers = new ArrayList<>(members);
    sortedMembers.sort((a, b) -> a.id().compareTo(b.id()));
    assertThat(s.members().list(tenant)).containsExactlyElementsOf(sortedMembers);
    assertThat(s.members().count(tenant)).isEqualTo(members.size());
    List<Event> scanned = new ArrayList<>();
    s.events().scan(tenant, EventQuery.all(), scanned::add);
    assertThat(scanned).containsExactlyElementsOf(ContractData.scanOrder(events));
    assertThat(s.events().count(tenant, EventQuery.all())).isEqualTo(events.size());
    for (Placed p : layout) {
      Optional<Member> member = members.stream().filter(m -> m.id().value().equals(p.id())).findFirst();
      assertThat(s.members().find(tenant, MemberId.of(p.id()))).isEqualTo(member);
      Optional<Event> event = events.stream().filter(e -> e.id().value().equals(p.id())).findFirst();
      assertThat(s.events().find(tenant, EventId.of(p.id()))).isEqualTo(event);
      // The other tenant's actors have no events here.
      EventQuery byOtherActor = EventQuery.all().withActor(MemberId.of(otherSide + ":" + p.id()));
      assertThat(s.events().count(tenant, byOtherActor)).isZero();
    }
    assertThat(s.tenants().exists(tenant)).isTrue();
  }

  /**
   * Wrapped keys under the same subject ids (prefixed, apart from the members' own keys) in both
   * tenants: each tenant finds exactly its own, and a delete in one leaves the other alone.
   */
  private static void assertKeysStayApart(StoreFixture s, TenantId first, TenantId second, List<Placed> layout) {
    Map<MemberId, WrappedKey> firstKeys = new HashMap<>();
    Map<MemberId, WrappedKey> secondKeys = new HashMap<>();
    List<MemberId> subjects = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      Placed p = layout.get(i);
      MemberId subject = MemberId.of("key:" + p.id());
      subjects.add(subject);
      if (p.side() != Side.SECOND) {
        firstKeys.put(subject, new WrappedKey(subject, i, 1, "first-" + i));
      }
      if (p.side() != Side.FIRST) {
        secondKeys.put(subject, new WrappedKey(subject, -i, 2, "second-" + i));
      }
    }
    assertThat(s.subjectKeys().insertIfAbsent(first, firstKeys.values())).isEqualTo(firstKeys);
    assertThat(s.subjectKeys().insertIfAbsent(second, secondKeys.values())).isEqualTo(secondKeys);
    assertThat(s.subjectKeys().find(first, subjects)).isEqualTo(firstKeys);
    assertThat(s.subjectKeys().find(second, subjects)).isEqualTo(secondKeys);
    for (MemberId subject : firstKeys.keySet()) {
      s.subjectKeys().delete(first, subject);
    }
    assertThat(s.subjectKeys().find(first, subjects)).isEmpty();
    assertThat(s.subjectKeys().find(second, subjects)).isEqualTo(secondKeys);
  }

  private static Member member(String id, String side) {
    return Member.builder(MemberId.of(id))
        .teams(TeamId.of("team-" + side))
        .org(OrgUnit.of(side + "/unit"))
        .displayName(side + " " + id)
        .skills(side)
        .build();
  }

  private static Event event(String id, String side, int index) {
    return Event.builder(
            EventId.of(id),
            ContractData.at(index).plusMillis(side.equals("first") ? 0 : 1),
            side.equals("first") ? EventKind.MESSAGE : EventKind.REPLY,
            MemberId.of(side + ":" + id))
        .team(TeamId.of("team-" + side))
        .attrs(Attrs.of(Map.of("side", side)))
        .build();
  }

  /**
   * Reports the property as aborted, not passed or failed, when {@link #openStores()} gave up
   * through a JUnit assumption (for example a database server that is not configured), as JUnit
   * reports the contract's other tests.
   */
  public static final class AbortOnAssumption implements AroundPropertyHook {
    /** Created by jqwik. */
    public AbortOnAssumption() {}

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      PropertyExecutionResult result = property.execute();
      if (context.testInstance() instanceof TenantIsolationProperties contract && contract.unavailable != null) {
        return result.mapToAborted(contract.unavailable);
      }
      return result;
    }
  }
}
