package io.convener.core.champion;

import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.spi.storage.EventBlockStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The champion stream of {@link EventBlockStore}: the columns champion discovery keeps of each
 * event, in blocks of at most {@value #EVENTS_PER_BLOCK} events. A block accounts for every event
 * it was made from, and holds the kinds {@link EventColumns#kept} keeps.
 *
 * <p>Format, version 1, all integers unsigned LEB128 varints unless said: the version byte; the
 * member ids the block names, as a dictionary (count, then each as length and UTF-8 bytes); the tag
 * lists (count, then each as count and strings); the number of events held; then per event its id
 * front-coded against the previous one (bytes shared, then length and bytes of the rest), its
 * instant as a zigzag delta from the previous one in nanoseconds, its kind's ordinal in {@link
 * EventKind} as one byte, its actor's dictionary index, its weight (a 0 byte for 1.0, else a 1 byte
 * and the eight bytes of the double), its targets (count, then dictionary indices) and its tag list
 * index (0 for none).
 */
final class EventBlocks {
  /** The stream's name: a new format gets a new name, so that old blocks are never misread. */
  static final String STREAM = "champion.events.v1";
  static final int EVENTS_PER_BLOCK = 16_384;
  private static final byte VERSION = 1;
  private static final EventKind[] KINDS = EventKind.values();

  private EventBlocks() {}

  /** Encodes events into blocks of at most {@value #EVENTS_PER_BLOCK} events and {@link EventBlockStore#MAX_BLOCK_BYTES} bytes. */
  static List<EventBlockStore.Block> encode(List<Event> events) {
    List<EventBlockStore.Block> out = new ArrayList<>();
    for (int from = 0; from < events.size(); from += EVENTS_PER_BLOCK) {
      split(events.subList(from, Math.min(events.size(), from + EVENTS_PER_BLOCK)), out);
    }
    return out;
  }

  private static void split(List<Event> events, List<EventBlockStore.Block> out) {
    byte[] data = encodeOne(events);
    if (data.length <= EventBlockStore.MAX_BLOCK_BYTES) {
      out.add(new EventBlockStore.Block(events.size(), data));
    } else if (events.size() == 1) {
      throw new IllegalArgumentException("event " + events.get(0).id() + " takes more than a block ("
          + data.length + " bytes)");
    } else {
      split(events.subList(0, events.size() / 2), out);
      split(events.subList(events.size() / 2, events.size()), out);
    }
  }

  private static byte[] encodeOne(List<Event> events) {
    Map<MemberId, Integer> members = new HashMap<>();
    List<MemberId> memberOrder = new ArrayList<>();
    Map<List<String>, Integer> tagLists = new HashMap<>();
    List<List<String>> tagOrder = new ArrayList<>(List.of(List.of()));
    tagLists.put(List.of(), 0);
    BlockBytes.Writer body = new BlockBytes.Writer(events.size() * 24);
    int held = 0;
    byte[] lastId = new byte[0];
    long lastAt = 0;
    for (Event e : events) {
      if (!EventColumns.kept(e.kind())) {
        continue;
      }
      held++;
      byte[] id = e.id().value().getBytes(StandardCharsets.UTF_8);
      int shared = 0;
      while (shared < id.length && shared < lastId.length && id[shared] == lastId[shared]) {
        shared++;
      }
      body.varint(shared).varint(id.length - shared).bytes(id, shared, id.length - shared);
      lastId = id;
      long at = EventColumns.nanos(e.at());
      body.zigzag(at - lastAt);
      lastAt = at;
      body.raw(e.kind().ordinal());
      body.varint(index(members, memberOrder, e.actor()));
      if (e.weight() == 1.0) {
        body.raw(0);
      } else {
        body.raw(1).longBits(Double.doubleToRawLongBits(e.weight()));
      }
      body.varint(e.targets().size());
      for (MemberId t : e.targets()) {
        body.varint(index(members, memberOrder, t));
      }
      body.varint(index(tagLists, tagOrder, e.tags()));
    }
    BlockBytes.Writer head = new BlockBytes.Writer(memberOrder.size() * 12 + 16);
    head.raw(VERSION).varint(memberOrder.size());
    for (MemberId m : memberOrder) {
      head.string(m.value());
    }
    head.varint(tagOrder.size() - 1);
    for (List<String> tags : tagOrder.subList(1, tagOrder.size())) {
      head.varint(tags.size());
      tags.forEach(head::string);
    }
    head.varint(held);
    return head.then(body);
  }

  private static <K> int index(Map<K, Integer> index, List<K> order, K key) {
    Integer i = index.get(key);
    if (i == null) {
      i = order.size();
      index.put(key, i);
      order.add(key);
    }
    return i;
  }

  /**
   * Appends the events of one block to {@code columns}, numbering its member ids in {@code members}.
   *
   * @return the latest instant appended, or {@code Long.MIN_VALUE} for none
   * @throws IllegalStateException when the block is not of this format or is cut short
   */
  static long decode(byte[] data, EventColumns columns, BlockMembers members) {
    BlockBytes.Reader in = new BlockBytes.Reader(data);
    try {
      int version = in.raw();
      if (version != VERSION) {
        throw new IllegalStateException("a champion event block of version " + version + ", expected " + VERSION);
      }
      int[] node = new int[in.count()];
      for (int i = 0; i < node.length; i++) {
        int length = in.count();
        node[i] = members.indexOf(data, in.skipString(length), length);
      }
      List<List<String>> tagLists = new ArrayList<>(List.of(List.of()));
      for (int i = in.count(); i > 0; i--) {
        String[] tags = new String[in.count()];
        for (int k = 0; k < tags.length; k++) {
          tags[k] = in.string();
        }
        tagLists.add(List.of(tags));
      }
      long latest = Long.MIN_VALUE;
      byte[] id = new byte[64];
      int idLength = 0;
      long at = 0;
      int[] targets = new int[8];
      for (int held = in.count(); held > 0; held--) {
        int shared = in.count();
        int rest = in.count();
        if (shared > idLength) {
          throw new IllegalStateException("an event id shares more bytes than the one before has");
        }
        if (shared + rest > id.length) {
          id = Arrays.copyOf(id, Math.max(shared + rest, 2 * id.length));
        }
        in.bytes(id, shared, rest);
        idLength = shared + rest;
        at += in.zigzag();
        EventKind kind = KINDS[in.raw()];
        int actor = node[in.count()];
        double weight = in.raw() == 0 ? 1.0 : Double.longBitsToDouble(in.longBits());
        int t = in.count();
        if (t > targets.length) {
          targets = new int[Math.max(t, 2 * targets.length)];
        }
        for (int k = 0; k < t; k++) {
          targets[k] = node[in.count()];
        }
        List<String> tags = tagLists.get(in.count());
        columns.append(id, idLength, at, kind, actor, weight, targets, t, tags);
        latest = Math.max(latest, at);
      }
      if (!in.done()) {
        throw new IllegalStateException("a champion event block has bytes after its last event");
      }
      return latest;
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalStateException("a champion event block is cut short or names an index it does not have", e);
    }
  }
}
