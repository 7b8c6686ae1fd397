package io.convener.core.pulse;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.spi.storage.MembershipPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The pulse's in-memory rollup of one tenant: every member (teams, cohorts and org only; no
 * personal data) with their membership history where the store keeps one, and, per member and UTC day, the {@link Day} digest of their events. Events are
 * applied in any order: a reply that arrives before its message waits for it. Not thread-safe:
 * callers hold the rollup's monitor (see {@link Rollups}).
 */
final class TenantRollup {
  static final long DAY_MILLIS = 86_400_000L;
  private static final AtomicLong INSTANCES = new AtomicLong();

  /** Tells this rollup from every other one of the process, also one rebuilt for the same tenant. */
  private final long instance = INSTANCES.incrementAndGet();

  private final Map<MemberId, Integer> index = new HashMap<>();
  private final List<MemberId> ids = new ArrayList<>();
  private final List<Track> tracks = new ArrayList<>();
  private final TreeMap<MemberId, Member> members = new TreeMap<>();
  private final Map<MemberId, List<MembershipPeriod>> history = new HashMap<>();
  private final Map<EventId, Message> messages = new HashMap<>();
  private final Map<EventId, List<Reply>> waiting = new HashMap<>();
  private long membershipVersion;
  private long events;
  private long firstEventMillis = Long.MAX_VALUE;

  /** Where a message's digest sits, and who wrote it when. */
  private record Message(int author, int day, int slot, long atMillis) {}

  /** A reply whose message has not arrived yet. */
  private record Reply(int actor, long atMillis) {}

  /** Inserts or replaces members; keeps only what scopes need. */
  void upsert(List<Member> batch) {
    for (Member m : batch) {
      Member.Builder slim = Member.builder(m.id()).teams(m.teams()).cohorts(m.cohorts());
      m.org().ifPresent(slim::org);
      members.put(m.id(), slim.build());
      indexOf(m.id());
    }
    membershipVersion++;
  }

  /**
   * Replaces the membership history with these periods (of the members that have one, oldest
   * first per member); members without periods keep their current membership from the beginning.
   */
  void history(List<MembershipPeriod> periods) {
    history.clear();
    for (MembershipPeriod p : periods) {
      history.computeIfAbsent(p.member(), x -> new ArrayList<>(2)).add(p);
    }
    membershipVersion++;
  }

  /**
   * The member's membership periods, oldest first, or null when they have none: then their current
   * membership holds from the beginning. A history whose last period disagrees with the member's
   * current record (an upsert told before its history was read again) yields to the record until
   * the history is read again.
   */
  @Nullable List<MembershipPeriod> periods(MemberId id) {
    List<MembershipPeriod> periods = history.get(id);
    Member current = members.get(id);
    if (periods == null || current == null || !periods.get(periods.size() - 1).asMember().sameMembership(current)) {
      return null;
    }
    return periods;
  }

  /** Applies one new event with its sentiment (its own, or the analyzer's). */
  void apply(Event e, OptionalDouble sentiment) {
    apply(Entry.of(e, sentiment));
  }

  /** Applies one new event's entry. */
  void apply(Entry e) {
    events++;
    int actor = indexOf(e.actor());
    long at = e.at();
    firstEventMillis = Math.min(firstEventMillis, at);
    int epochDay = e.day();
    int time = (int) Math.floorMod(at, DAY_MILLIS);
    Track track = tracks.get(actor);
    if (e.is(Entry.SURVEY)) {
      byte[] items = e.survey();
      if (items != null) {
        track.surveys.add(new Track.Survey(at, items));
      }
      return;
    }
    if (e.is(Entry.CONSENT)) {
      return;
    }
    Day day = track.day(epochDay);
    day.addActivity(time);
    if (!Float.isNaN(e.score())) {
      day.addScore(time, e.score());
    }
    if (e.is(Entry.COLLABORATION)) {
      for (MemberId target : e.targets()) {
        if (!target.equals(e.actor())) {
          day.addTie(time, indexOf(target));
        }
      }
    }
    if (e.is(Entry.MESSAGE)) {
      int slot = day.addMessage(time, -1);
      Message message = new Message(actor, epochDay, slot, at);
      messages.put(e.id(), message);
      List<Reply> early = waiting.remove(e.id());
      if (early != null) {
        early.forEach(r -> answer(message, r.actor(), r.atMillis()));
      }
    } else if (e.is(Entry.REPLY) && e.answers() != null) {
      EventId answered = e.answers();
      Message message = messages.get(answered);
      if (message == null) {
        waiting.computeIfAbsent(answered, k -> new ArrayList<>(1)).add(new Reply(actor, at));
      } else {
        answer(message, actor, at);
      }
    }
  }

  /** Records a reply to a message if it is by someone else and earlier than the first known. */
  private void answer(Message message, int by, long atMillis) {
    if (by == message.author() || atMillis < message.atMillis()) {
      return;
    }
    Day day = tracks.get(message.author()).get(message.day());
    long known = day.answeredAt[message.slot()];
    if (known < 0 || atMillis < known) {
      day.answeredAt[message.slot()] = atMillis;
    }
  }

  private int indexOf(MemberId id) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    int next = ids.size();
    index.put(id, next);
    ids.add(id);
    tracks.add(new Track());
    return next;
  }

  /** The member's index, if the rollup has seen them. */
  Optional<Integer> find(MemberId id) {
    return Optional.ofNullable(index.get(id));
  }

  MemberId id(int index) {
    return ids.get(index);
  }

  Track track(int index) {
    return tracks.get(index);
  }

  /** The known members, by id. */
  Map<MemberId, Member> members() {
    return members;
  }

  /**
   * Changes with every membership change and with every rebuilt rollup, so that scope indexes
   * know when to rebuild: the rollup's instance number in the high bits, its count of changes in
   * the low 40.
   */
  long membershipVersion() {
    return (instance << 40) ^ membershipVersion;
  }

  /** Records that the tenant has events before {@code horizon}, which this rollup does not hold. */
  void historyBefore(long horizon) {
    firstEventMillis = Math.min(firstEventMillis, horizon - 1);
  }

  /**
   * The instant (epoch millisecond) of the earliest event, or just before the rollup's horizon when
   * the tenant has older events; {@code Long.MAX_VALUE} before any.
   */
  long firstEventMillis() {
    return firstEventMillis;
  }

  /** Events applied so far. */
  long events() {
    return events;
  }
}
