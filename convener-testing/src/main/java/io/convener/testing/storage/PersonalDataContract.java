package io.convener.testing.storage;

import static io.convener.testing.storage.ContractData.fullMember;
import static io.convener.testing.storage.ContractData.minimalMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.WrappedKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The personal-data half of the storage contract: the {@link SubjectKeyStore} of wrapped member
 * keys, and how the member store erases personal data and reads members whose keys were shredded.
 * Extend {@link StorageContract}, which extends this class and supplies the fixture.
 *
 * <p>Covered: wrapped keys round-trip; of two inserts for one member the first wins and both learn
 * which, also under concurrent writers; re-wrapping replaces only the key it names; deletes (one, conditional, all) and counts;
 * paging visits every key once; lookups of many members at once; the same member ids in two
 * tenants never leak across any method. Erasing a member's personal data empties exactly their
 * personal fields and nothing of another tenant; a member whose key was shredded behind the
 * store's back reads with empty personal fields, not an error; so does every member of a shredded
 * tenant.
 */
public abstract class PersonalDataContract extends TenantIsolationProperties {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  /** Only {@link StorageContract} extends this class. */
  PersonalDataContract() {}

  private SubjectKeyStore keys() {
    return stores().subjectKeys();
  }

  private static WrappedKey key(String subject, long keyId, int wrappingKeyId) {
    return new WrappedKey(MemberId.of(subject), keyId, wrappingKeyId, "wrapped-" + keyId + "-" + wrappingKeyId);
  }

  @Test
  void wrappedKeysRoundTripAndTheFirstInsertWins() {
    WrappedKey first = key("mémbre-1", Long.MIN_VALUE, Integer.MIN_VALUE);
    WrappedKey other = key("m-2", Long.MAX_VALUE, Integer.MAX_VALUE);

    assertThat(keys().insertIfAbsent(ACME, List.of(first, other)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(first.subject(), first, other.subject(), other));

    WrappedKey late = key("mémbre-1", 99, 1);
    WrappedKey third = key("m-3", 3, 1);
    assertThat(keys().insertIfAbsent(ACME, List.of(late, third)))
        .as("the stored key is returned for a member who had one")
        .containsExactlyInAnyOrderEntriesOf(Map.of(first.subject(), first, third.subject(), third));
    assertThat(keys().find(ACME, first.subject())).contains(first);
    assertThat(keys().find(ACME, List.of(first.subject(), MemberId.of("nobody"), third.subject())))
        .containsExactlyInAnyOrderEntriesOf(Map.of(first.subject(), first, third.subject(), third));
    assertThat(keys().count(ACME)).isEqualTo(3);
    assertThat(keys().insertIfAbsent(ACME, List.of())).isEmpty();
    assertThat(keys().find(ACME, List.of())).isEmpty();
    assertThatThrownBy(() -> keys().insertIfAbsent(ACME, List.of(key("dup", 1, 1), key("dup", 2, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentInsertsForTheSameMembersAgreeOnOneKeyEach() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Map<MemberId, WrappedKey>> results = new ArrayList<>();
    try {
      List<Callable<Map<MemberId, WrappedKey>>> calls = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        List<WrappedKey> mine = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          mine.add(key("m-" + ((i * 7 + w * 13) % 50), w * 1000L + i, w));
        }
        calls.add(() -> keys().insertIfAbsent(ACME, mine));
      }
      for (Future<Map<MemberId, WrappedKey>> f : pool.invokeAll(calls)) {
        results.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Map<MemberId, WrappedKey> stored = keys().find(ACME, results.get(0).keySet());
    assertThat(stored).hasSize(50);
    for (Map<MemberId, WrappedKey> result : results) {
      assertThat(result).as("every writer learns the key that won").isEqualTo(stored);
    }
    assertThat(keys().count(ACME)).isEqualTo(50);
  }

  @Test
  void updateWrappingReplacesOnlyTheKeyItNames() {
    keys().insertIfAbsent(ACME, List.of(key("a", 1, 10), key("b", 2, 10)));

    int updated = keys().updateWrapping(ACME, List.of(key("a", 1, 20), key("b", 999, 20), key("gone", 3, 20)));

    assertThat(updated).isEqualTo(1);
    assertThat(keys().find(ACME, MemberId.of("a"))).contains(key("a", 1, 20));
    assertThat(keys().find(ACME, MemberId.of("b"))).as("another key id: left alone").contains(key("b", 2, 10));
    assertThat(keys().find(ACME, MemberId.of("gone"))).isEmpty();
    assertThat(keys().updateWrapping(ACME, List.of())).isZero();
  }

  @Test
  void deletesRemoveWhatTheyNameAndCountsAgree() {
    keys().insertIfAbsent(ACME, List.of(key("a", 1, 10), key("b", 2, 10), key("c", 3, 10)));

    assertThat(keys().delete(ACME, MemberId.of("a"))).isTrue();
    assertThat(keys().delete(ACME, MemberId.of("a"))).isFalse();
    assertThat(keys().delete(ACME, MemberId.of("b"), 999)).as("another key id").isFalse();
    assertThat(keys().delete(ACME, MemberId.of("b"), 2)).isTrue();
    assertThat(keys().find(ACME, List.of(MemberId.of("a"), MemberId.of("b"), MemberId.of("c"))))
        .containsOnlyKeys(MemberId.of("c"));
    assertThat(keys().count(ACME)).isEqualTo(1);
    assertThat(keys().deleteAll(ACME)).isEqualTo(1);
    assertThat(keys().count(ACME)).isZero();
    assertThat(keys().deleteAll(ACME)).isZero();
  }

  @Test
  void pagingVisitsEveryKeyExactlyOnce() {
    List<WrappedKey> all = new ArrayList<>();
    for (String id : List.of("b", "a", "C", "é", "a-10", "a-9", "\uFF21", "\uD835\uDCB3", "z", "0")) {
      all.add(key(id, all.size() + 1, 7));
    }
    keys().insertIfAbsent(ACME, all);

    for (int limit : List.of(1, 3, 10, 11)) {
      List<WrappedKey> seen = new ArrayList<>();
      Optional<MemberId> after = Optional.empty();
      for (int pages = 0; pages < 20; pages++) {
        List<WrappedKey> page = keys().page(ACME, after, limit);
        assertThat(page.size()).isLessThanOrEqualTo(limit);
        if (page.isEmpty()) {
          break;
        }
        seen.addAll(page);
        after = Optional.of(page.get(page.size() - 1).subject());
      }
      assertThat(seen).as("limit " + limit).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }
    assertThatThrownBy(() -> keys().page(ACME, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys().page(ACME, Optional.empty(), 10_001)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lookupsOfManyMembersAtOnceFindEveryKey() {
    List<WrappedKey> many = new ArrayList<>();
    List<MemberId> asked = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      many.add(key("m-" + i, i, 1));
      asked.add(MemberId.of("m-" + i));
      asked.add(MemberId.of("absent-" + i));
    }

    assertThat(keys().insertIfAbsent(ACME, many)).hasSize(many.size());
    Map<MemberId, WrappedKey> found = keys().find(ACME, asked);

    assertThat(found).hasSize(many.size());
    many.forEach(k -> assertThat(found.get(k.subject())).isEqualTo(k));
  }

  @Test
  void sameSubjectsInTwoTenantsNeverLeak() {
    keys().insertIfAbsent(ACME, List.of(key("shared", 1, 10), key("acme-only", 2, 10)));
    keys().insertIfAbsent(GLOBEX, List.of(key("shared", 3, 30)));
    MemberId shared = MemberId.of("shared");
    MemberId acmeOnly = MemberId.of("acme-only");

    assertThat(keys().find(GLOBEX, shared)).contains(key("shared", 3, 30));
    assertThat(keys().find(GLOBEX, acmeOnly)).isEmpty();
    assertThat(keys().count(GLOBEX)).isEqualTo(1);
    assertThat(keys().page(GLOBEX, Optional.empty(), 100)).containsExactly(key("shared", 3, 30));
    assertThat(keys().updateWrapping(GLOBEX, List.of(key("shared", 1, 99), key("acme-only", 2, 99)))).isZero();
    assertThat(keys().delete(GLOBEX, acmeOnly)).isFalse();
    assertThat(keys().delete(GLOBEX, shared, 1)).as("acme's key id").isFalse();
    assertThat(keys().insertIfAbsent(GLOBEX, List.of(key("acme-only", 4, 30))))
        .as("a member known only in another tenant is new").containsEntry(acmeOnly, key("acme-only", 4, 30));

    assertThat(keys().deleteAll(GLOBEX)).isEqualTo(2);
    assertThat(keys().find(ACME, List.of(shared, acmeOnly))).containsExactlyInAnyOrderEntriesOf(
        Map.of(shared, key("shared", 1, 10), acmeOnly, key("acme-only", 2, 10)));
    TenantId unknown = TenantId.of("never-registered");
    assertThat(keys().find(unknown, List.of(shared))).isEmpty();
    assertThat(keys().page(unknown, Optional.empty(), 10)).isEmpty();
    assertThat(keys().count(unknown)).isZero();
    assertThat(keys().delete(unknown, shared)).isFalse();
  }

  @Test
  void erasingPersonalDataEmptiesExactlyThosePersonalFields() {
    Member full = fullMember("m-1");
    Member other = fullMember("m-2");
    stores().members().upsert(ACME, List.of(full, other));
    stores().members().upsert(GLOBEX, List.of(full));

    assertThat(stores().members().erasePersonalData(ACME, full.id())).isTrue();

    Member erased = Member.builder(full.id()).teams(full.teams()).cohorts(full.cohorts())
        .org(full.org().orElseThrow()).skills(full.skills()).build();
    assertThat(stores().members().find(ACME, full.id())).contains(erased);
    assertThat(stores().members().list(ACME)).containsExactly(erased, other);
    assertThat(stores().members().find(GLOBEX, full.id())).as("the other tenant's member").contains(full);
    assertThat(stores().members().erasePersonalData(ACME, full.id())).as("nothing left to erase").isFalse();
    assertThat(stores().members().erasePersonalData(ACME, MemberId.of("nobody"))).isFalse();
    assertThat(stores().members().erasePersonalData(TenantId.of("never-registered"), full.id())).isFalse();

    Member back = Member.builder(full.id()).displayName("New Name").email("new@example.org").build();
    stores().members().upsert(ACME, List.of(back));
    assertThat(stores().members().find(ACME, full.id())).as("personal data given again after erasure").contains(back);
  }

  @Test
  void pseudonymousListingsCarryNoPersonalDataAndNoOtherTenantsMembers() {
    Member full = fullMember("m-2");
    Member plain = Member.builder(MemberId.of("m-1")).org(OrgUnit.of("sales")).build();
    stores().members().upsert(ACME, List.of(full, plain));
    stores().members().upsert(GLOBEX, List.of(fullMember("m-9")));

    Member withoutPersonal = Member.builder(full.id()).teams(full.teams()).cohorts(full.cohorts())
        .org(full.org().orElseThrow()).skills(full.skills()).build();
    assertThat(stores().members().listPseudonymous(ACME)).containsExactly(plain, withoutPersonal);
    assertThat(stores().members().list(ACME)).as("the full listing still has it").containsExactly(plain, full);
    assertThat(stores().members().listPseudonymous(TenantId.of("never-registered"))).isEmpty();
  }

  @Test
  void membersWhoseKeyWasShreddedReadWithEmptyPersonalFields() {
    Member full = fullMember("m-1");
    Member kept = fullMember("m-2");
    Member plain = Member.builder(MemberId.of("m-3")).org(OrgUnit.of("sales")).build();
    stores().members().upsert(ACME, List.of(full, kept, plain));
    stores().members().upsert(GLOBEX, List.of(full));

    assertThat(stores().cipher().shred(ACME, full.id())).isTrue();

    Member shredded = Member.builder(full.id()).teams(full.teams()).cohorts(full.cohorts())
        .org(full.org().orElseThrow()).skills(full.skills()).build();
    assertThat(stores().members().find(ACME, full.id())).contains(shredded);
    assertThat(stores().members().list(ACME)).containsExactly(shredded, kept, plain);
    assertThat(stores().members().find(GLOBEX, full.id())).contains(full);
  }

  @Test
  void everyMemberOfAShreddedTenantReadsWithEmptyPersonalFields() {
    List<Member> members = List.of(fullMember("m-1"), fullMember("m-2"), minimalMember("m-3"));
    stores().members().upsert(ACME, members);
    stores().members().upsert(GLOBEX, members);

    stores().cipher().shredTenant(ACME);

    Set<Member> stripped = new HashSet<>();
    for (Member m : members) {
      Member.Builder b = Member.builder(m.id()).teams(m.teams()).cohorts(m.cohorts()).skills(m.skills());
      m.org().ifPresent(b::org);
      stripped.add(b.build());
    }
    assertThat(stores().members().list(ACME)).containsExactlyInAnyOrderElementsOf(stripped);
    assertThat(stores().members().list(GLOBEX)).containsExactlyElementsOf(members);

    Member back = fullMember("m-1");
    stores().members().upsert(ACME, List.of(back));
    assertThat(stores().members().find(ACME, back.id())).as("new personal data after the shred").contains(back);
  }
}
