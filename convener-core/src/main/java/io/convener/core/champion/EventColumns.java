package io.convener.core.champion;

import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events champion discovery reads, as primitive columns in order of arrival: instant, actor,
 * kind, weight, targets (compressed rows), id and interned tag list. Append-only: a {@link View}
 * taken earlier stays valid while more events are appended. Not thread-safe; the owning {@link
 * TenantLog} guards it.
 */
final class EventColumns {
  static final EventKind[] KINDS = EventKind.values();
  private static final String[] NO_TAGS = new String[0];

  private long[] at = new long[64];
  private int[] actor = new int[64];
  private byte[] kind = new byte[64];
  private double[] weight = new double[64];
  private int[] targetEnd = new int[64];
  private long[] ids = new long[64];
  private final IdArena idBytes = new IdArena();
  private int[] tags = new int[64];
  private int[] targets = new int[64];
  private int size;
  private int targetSize;
  private final List<String[]> tagSets = new ArrayList<>(List.<String[]>of(NO_TAGS));
  private final Map<List<String>, Integer> tagIndex = new HashMap<>(Map.of(List.of(), 0));

  /** Whether champion discovery keeps events of this kind. */
  static boolean kept(EventKind k) {
    return k.isCollaboration() || k == EventKind.LEARNING;
  }

  /** Nanoseconds since the epoch, saturated at the ends of the long range. */
  static long nanos(Instant i) {
    try {
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The bytes the columns take on the heap, by estimate: the primitive columns at their capacity,
   * the targets, the id arena and the interned tag lists (about 100 bytes each).
   */
  long estimatedHeapBytes() {
    long perEvent = 8 + 4 + 1 + 8 + 4 + 8 + 4; // at, actor, kind, weight, targetEnd, ids, tags
    return perEvent * at.length + 4L * targets.length + idBytes.estimatedHeapBytes() + 100L * tagSets.size();
  }

  /** Appends one event, resolving member ids through the roster. */
  void append(Event e, Roster roster) {
    int a = roster.indexOf(e.actor()); // before the targets: new members are numbered in order of appearance
    int[] t = new int[e.targets().size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = roster.indexOf(e.targets().get(i));
    }
    append(e.id().value(), nanos(e.at()), e.kind(), a, e.weight(), t, t.length, e.tags());
  }

  /** Appends one event whose members are roster indices: the first {@code targetCount} of {@code t}. */
  void append(String id, long instant, EventKind k, int actorIndex, double w, int[] t, int targetCount, List<String> tagList) {
    appendAt(idBytes.add(id), instant, k, actorIndex, w, t, targetCount, tagList);
  }

  /**
   * As {@link #append(String, long, EventKind, int, double, int[], int, List)}, the id given as the
   * first {@code idLength} of its UTF-8 bytes.
   */
  void append(byte[] id, int idLength, long instant, EventKind k, int actorIndex, double w, int[] t, int targetCount,
      List<String> tagList) {
    appendAt(idBytes.add(id, 0, idLength), instant, k, actorIndex, w, t, targetCount, tagList);
  }

  private void appendAt(long idAddress, long instant, EventKind k, int actorIndex, double w, int[] t, int targetCount,
      List<String> tagList) {
    if (size == at.length) {
      grow();
    }
    at[size] = instant;
    actor[size] = actorIndex;
    kind[size] = (byte) k.ordinal();
    weight[size] = w;
    ids[size] = idAddress;
    tags[size] = intern(tagList);
    if (targetSize + targetCount > targets.length) {
      targets = Arrays.copyOf(targets, Math.max(targetSize + targetCount, targets.length * 2));
    }
    System.arraycopy(t, 0, targets, targetSize, targetCount);
    targetSize += targetCount;
    targetEnd[size] = targetSize;
    size++;
  }

  private int intern(List<String> t) {
    if (t.isEmpty()) {
      return 0;
    }
    Integer i = tagIndex.get(t);
    if (i != null) {
      return i;
    }
    tagSets.add(t.toArray(String[]::new));
    tagIndex.put(t, tagSets.size() - 1);
    return tagSets.size() - 1;
  }

  /** Makes room for {@code events} events and about 1.5 targets each, so that a load grows nothing. */
  void ensureCapacity(int events) {
    if (events > at.length) {
      resize(events);
    }
    long t = Math.min(Integer.MAX_VALUE - 8, events + (long) events / 2);
    if (t > targets.length) {
      targets = Arrays.copyOf(targets, (int) t);
    }
  }

  private void grow() {
    resize(at.length * 2);
  }

  private void resize(int n) {
    at = Arrays.copyOf(at, n);
    actor = Arrays.copyOf(actor, n);
    kind = Arrays.copyOf(kind, n);
    weight = Arrays.copyOf(weight, n);
    targetEnd = Arrays.copyOf(targetEnd, n);
    ids = Arrays.copyOf(ids, n);
    tags = Arrays.copyOf(tags, n);
  }

  int size() {
    return size;
  }

  /** Replaces every member index {@code i} (actors and targets) by {@code index[i]}; before any view is taken. */
  void renumber(int[] index) {
    for (int i = 0; i < size; i++) {
      actor[i] = index[actor[i]];
    }
    for (int j = 0; j < targetSize; j++) {
      targets[j] = index[targets[j]];
    }
  }

  /**
   * Whether the first {@code prefix} events, which must be in (instant, id) order, hold an event
   * with this instant and id.
   */
  boolean containsSorted(int prefix, long instant, String id) {
    int lo = 0;
    int hi = prefix;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at[mid] < instant) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    byte[][] chunks = idBytes.snapshot();
    for (int i = lo; i < prefix && at[i] == instant; i++) {
      if (IdArena.get(chunks, ids[i]).equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** The ids of {@code events} that the first {@code prefix} events hold: one pass over the prefix. */
  Set<String> idsAmong(int prefix, List<Event> events) {
    Set<String> wanted = new HashSet<>();
    events.forEach(e -> wanted.add(e.id().value()));
    Set<String> found = new HashSet<>();
    byte[][] chunks = idBytes.snapshot();
    for (int i = 0; i < prefix; i++) {
      String id = IdArena.get(chunks, ids[i]);
      if (wanted.contains(id)) {
        found.add(id);
      }
    }
    return found;
  }

  /** The first {@code size} events as they are now; later appends do not change it. */
  View view() {
    return new View(at, actor, kind, weight, targetEnd, ids, idBytes.snapshot(), tags, targets, size, List.copyOf(tagSets));
  }

  /** Events at one moment. Arrays are shared, never written below {@code size}: read only. */
  record View(
      long[] at,
      int[] actor,
      byte[] kind,
      double[] weight,
      int[] targetEnd,
      long[] ids,
      byte[][] idChunks,
      int[] tags,
      int[] targets,
      int size,
      List<String[]> tagSets) {
    int targetStart(int event) {
      return event == 0 ? 0 : targetEnd[event - 1];
    }

    String id(int event) {
      return IdArena.get(idChunks, ids[event]);
    }

    EventKind kindOf(int event) {
      return KINDS[kind[event]];
    }

    String[] tagsOf(int event) {
      return tagSets.get(tags[event]);
    }
  }
}
