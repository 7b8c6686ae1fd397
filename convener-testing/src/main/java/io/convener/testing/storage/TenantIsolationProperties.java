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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated half of the storage contract: for random sets of ids, each written into one
 * tenant, the other or both with different content (members, events and wrapped keys), no method
 * of any store ever shows one tenant's rows to the other. Extend {@link StorageContract}, which
 * extends this class, rather than this class.
 *
 * <p>A JUnit 5 parameterized test over the seeds 1 to 40: each seed draws its layout from a {@link
 * SplittableRandom} seeded with it, runs on the fresh fixture of its own test, and names the seed in
 * its display name and in any failure, so that rerunning that seed repeats it exactly.
 */
public abstract class TenantIsolationProperties {
  private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_.:éΩ中".toCharArray();

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected TenantIsolationProperties() {}

  /**
   * The stores under test, over a new and empty database; the lifecycle not yet started. Called
   * once per test; the contract starts the lifecycle and closes the fixture.
   */
  protected abstract StoreFixture openStores() throws Exception;

  /** The started fixture of the current test, with the tenants acme and globex registered. */
  abstract StoreFixture stores();

  /** Where an id is written. */
  enum Side { FIRST, SECOND, BOTH }

  /** An id and where it is written. */
  record Placed(String id, Side side) {}

  static LongStream isolationSeeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** Up to 25 distinct ids of 1 to 12 characters (some outside ASCII), each on a random side. */
  static List<Placed> layout(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Side[] sides = Side.values();
    List<Placed> layout = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int n = random.nextInt(26); n > 0; n--) {
      StringBuilder id = new StringBuilder();
      for (int length = 1 + random.nextInt(12); length > 0; length--) {
        id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
      }
      Side side = sides[random.nextInt(sides.length)];
      if (ids.add(id.toString())) {
        layout.add(new Placed(id.toString(), side));
      }
    }
    return layout;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("isolationSeeds")
  void sameIdsInTwoTenantsNeverLeak(long seed) {
    try {
      sameIdsInTwoTenantsNeverLeak(seed, layout(seed));
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private void sameIdsInTwoTenantsNeverLeak(long seed, List<Placed> layout) {
    StoreFixture s = stores();
    TenantId first = TenantId.of("iso-" + seed + "-first");
    TenantId second = TenantId.of("iso-" + seed + "-second");
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
    assertThat(s.events().insert(first, firstEvents)).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(firstEvents.size(), List.of()));
    assertThat(s.events().insert(second, secondEvents)).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(secondEvents.size(), List.of()));

    assertSees(s, first, "second", layout, firstMembers, firstEvents);
    assertSees(s, second, "first", layout, secondMembers, secondEvents);
    assertKeysStayApart(s, first, second, layout);

    // An id stored only in the other tenant is new here; re-inserting one's own ids changes nothing.
    List<Event> firstOnly = firstEvents.stream()
        .filter(e -> secondEvents.stream().noneMatch(o -> o.id().equals(e.id()))).toList();
    assertThat(s.events().insert(second, firstOnly)).usingRecursiveComparison().ignoringFields("change").isEqualTo(new InsertResult(firstOnly.size(), List.of()));
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
}
