package io.convener.core.pulse;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.spi.storage.PulseDigestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The bytes of the pulse's persisted day digests ({@link PulseDigestStore}): the {@link Entry
 * entries} of one UTC day's events, with the day's member ids written once. Format 1: a version
 * byte, the member ids, then per entry its flags, id, actor (index), millisecond of the day, score
 * (activity events), tied members (collaboration), answered message (reply) and recoded answers
 * (survey). Collects entries of many days at once, each day encoded as it comes, so that the bytes
 * rather than the entries stay in memory. Not thread-safe.
 */
final class DayDigests {
  private static final byte VERSION = 1;

  private final TreeMap<Integer, DayWriter> days = new TreeMap<>();

  /** Adds an entry to its day's digest. */
  void add(Entry e) {
    days.computeIfAbsent(e.day(), d -> new DayWriter()).add(e);
  }

  /** Whether no entry was added. */
  boolean isEmpty() {
    return days.isEmpty();
  }

  /** One part per day with entries, by day. */
  List<PulseDigestStore.Part> parts() {
    List<PulseDigestStore.Part> parts = new ArrayList<>(days.size());
    days.forEach((day, w) -> parts.add(new PulseDigestStore.Part(day, w.bytes())));
    return parts;
  }

  /** One day's parts as the bytes of one part with all their entries, in order. */
  static byte[] merge(int day, List<byte[]> parts) {
    DayWriter w = new DayWriter();
    for (byte[] p : parts) {
      decode(new PulseDigestStore.Part(day, p), w::add);
    }
    return w.bytes();
  }

  /**
   * Hands {@code sink} the entries of a part, in the order they were added.
   *
   * @throws IllegalArgumentException when the bytes are not a digest of a known format
   */
  static void decode(PulseDigestStore.Part part, Consumer<? super Entry> sink) {
    long base = part.day() * TenantRollup.DAY_MILLIS;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(part.data()))) {
      if (in.readByte() != VERSION) {
        throw new IllegalArgumentException("pulse digest of day " + part.day() + ": unknown format");
      }
      MemberId[] members = new MemberId[in.readInt()];
      for (int i = 0; i < members.length; i++) {
        members[i] = MemberId.of(in.readUTF());
      }
      int entries = in.readInt();
      for (int i = 0; i < entries; i++) {
        int flags = in.readByte();
        EventId id = EventId.of(in.readUTF());
        MemberId actor = members[in.readInt()];
        long at = base + in.readInt();
        boolean activity = (flags & (Entry.SURVEY | Entry.CONSENT)) == 0;
        float score = activity ? in.readFloat() : Float.NaN;
        List<MemberId> targets = List.of();
        if ((flags & Entry.COLLABORATION) != 0) {
          MemberId[] t = new MemberId[in.readInt()];
          for (int j = 0; j < t.length; j++) {
            t[j] = members[in.readInt()];
          }
          targets = List.of(t);
        }
        EventId answers = (flags & Entry.REPLY) != 0 ? EventId.of(in.readUTF()) : null;
        byte[] survey = null;
        if ((flags & Entry.SURVEY) != 0) {
          int n = in.readByte();
          survey = n < 0 ? null : in.readNBytes(n);
        }
        sink.accept(new Entry(id, actor, at, flags, score, targets, answers, survey));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("pulse digest of day " + part.day() + " is cut short", e);
    }
  }

  /** One day's digest being written. */
  private static final class DayWriter {
    private final Map<MemberId, Integer> index = new HashMap<>();
    private final List<MemberId> members = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(body);
    private int entries;

    void add(Entry e) {
      try {
        out.writeByte(e.flags());
        out.writeUTF(e.id().value());
        out.writeInt(member(e.actor()));
        out.writeInt((int) Math.floorMod(e.at(), TenantRollup.DAY_MILLIS));
        if (!e.is(Entry.SURVEY) && !e.is(Entry.CONSENT)) {
          out.writeFloat(e.score());
        }
        if (e.is(Entry.COLLABORATION)) {
          out.writeInt(e.targets().size());
          for (MemberId t : e.targets()) {
            out.writeInt(member(t));
          }
        }
        if (e.is(Entry.REPLY)) {
          out.writeUTF(e.answers() == null ? "" : e.answers().value());
        }
        if (e.is(Entry.SURVEY)) {
          byte[] survey = e.survey();
          out.writeByte(survey == null ? -1 : survey.length);
          if (survey != null) {
            out.write(survey);
          }
        }
        entries++;
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    private int member(MemberId id) {
      return index.computeIfAbsent(id, k -> {
        members.add(k);
        return members.size() - 1;
      });
    }

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 16 * members.size() + 16);
      try (DataOutputStream head = new DataOutputStream(all)) {
        head.writeByte(VERSION);
        head.writeInt(members.size());
        for (MemberId m : members) {
          head.writeUTF(m.value());
        }
        head.writeInt(entries);
        body.writeTo(head);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return all.toByteArray();
    }
  }
}
