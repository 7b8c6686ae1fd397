package io.convener.core.champion;

import io.convener.api.MemberId;
import io.convener.api.model.Member;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The members of one tenant as dense indexes 0..size-1, in order of first sight: members from the
 * store, and ids that events name before (or without) a member record. Indexes never change.
 * Guarded by the owning {@link TenantLog}'s lock for writes; readers use a {@link View}.
 */
final class Roster {
  /** By the id's text, so that the ids a block load collects are looked up without making member ids. */
  private final Map<String, Integer> index = new HashMap<>();
  private Member[] members = new Member[16];
  private int size;

  /**
   * The bytes the roster takes on the heap, by estimate: per member a map entry, its id text and
   * boxed index (about 100 bytes) and its record (about 120 bytes).
   */
  long estimatedHeapBytes() {
    return 16L + 4L * members.length + 220L * size;
  }

  /** The index of the member, adding an id-only record when it is new. */
  int indexOf(MemberId id) {
    Integer i = index.get(id.value());
    if (i != null) {
      return i;
    }
    return add(Member.of(id));
  }

  /** The index of the member with this id, adding an id-only record (checking the id) when it is new. */
  int indexOf(String id) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    return add(Member.of(MemberId.of(id)));
  }

  /** Inserts or replaces the member's record; returns its index. */
  int upsert(Member m) {
    Integer i = index.get(m.id().value());
    if (i != null) {
      members[i] = m;
      return i;
    }
    return add(m);
  }

  private int add(Member m) {
    if (size == members.length) {
      members = Arrays.copyOf(members, size * 2);
    }
    members[size] = m;
    index.put(m.id().value(), size);
    return size++;
  }

  int size() {
    return size;
  }

  /** A read-only view of the first {@code size} members as they are now. */
  View view() {
    return new View(Arrays.copyOf(members, size));
  }

  /** The roster at one moment: safe to read from any thread. */
  record View(Member[] members) {
    int size() {
      return members.length;
    }

    Member member(int i) {
      return members[i];
    }

    /** The index of the member, or -1; a linear search. */
    int find(MemberId id) {
      for (int i = 0; i < members.length; i++) {
        if (members[i].id().equals(id)) {
          return i;
        }
      }
      return -1;
    }
  }
}
