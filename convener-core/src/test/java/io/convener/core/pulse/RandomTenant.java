package io.convener.core.pulse;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random tenant for pulse properties: 40 members in four teams of ten, and about 1,300
 * events over the 150 days before {@link #AS_OF} and a few days after: messages, replies (to
 * earlier and later messages, to unknown ones, by the author), ties of several kinds, learning
 * events, sentiment on some, psychological safety surveys (some malformed). Immutable.
 */
record RandomTenant(List<Member> members, List<TeamId> teams, List<Event> events) {
  static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
  private static final EventKind[] TIES = {EventKind.MENTION, EventKind.REACTION, EventKind.MEETING, EventKind.REVIEW};

  static RandomTenant of(long seed) {
    Random random = new Random(seed);
    List<TeamId> teams = List.of(TeamId.of("t0"), TeamId.of("t1"), TeamId.of("t2"), TeamId.of("t3"));
    List<Member> members = new ArrayList<>();
    List<MemberId> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      MemberId id = MemberId.of("m" + i);
      ids.add(id);
      members.add(Member.builder(id).teams(teams.get(i % 4)).build());
    }
    int count = 1000 + random.nextInt(600);
    List<Event> messages = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    long start = AS_OF.minus(Duration.ofDays(150)).toEpochMilli();
    long span = Duration.ofDays(155).toMillis();
    for (int i = 0; i < count; i++) {
      MemberId actor = ids.get(random.nextInt(ids.size()));
      Instant at = Instant.ofEpochMilli(start + (long) (random.nextDouble() * span));
      EventId id = EventId.of("e" + seed + "-" + i);
      int roll = random.nextInt(100);
      Event.Builder b;
      if (roll < 30) {
        b = Event.builder(id, at, EventKind.MESSAGE, actor);
      } else if (roll < 55) {
        EventId answered = EventId.of("e" + seed + "-" + random.nextInt(count));
        if (random.nextInt(10) > 0 && !messages.isEmpty()) {
          // Mostly within 72 hours of an earlier message, so that some are answered in time.
          Event m = messages.get(random.nextInt(messages.size()));
          answered = m.id();
          at = m.at().plusMillis((long) (random.nextDouble() * 72 * 3_600_000L) - 3_600_000L);
        }
        b = Event.builder(id, at, EventKind.REPLY, actor).refs(answered);
      } else if (roll < 80) {
        b = Event.builder(id, at, TIES[random.nextInt(TIES.length)], actor);
        List<MemberId> targets = new ArrayList<>();
        for (int t = 1 + random.nextInt(3); t > 0; t--) {
          targets.add(ids.get(random.nextInt(ids.size())));
        }
        b.targets(targets.stream().distinct().toList());
      } else if (roll < 92) {
        b = Event.builder(id, at, EventKind.LEARNING, actor);
      } else {
        b = Event.builder(id, at, EventKind.SURVEY, actor).attrs(survey(random));
      }
      if (roll < 92 && random.nextInt(10) < 4) {
        b.sentiment(Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0);
      }
      Event e = b.build();
      events.add(e);
      if (e.kind() == EventKind.MESSAGE) {
        messages.add(e);
      }
    }
    Collections.shuffle(events, random);
    return new RandomTenant(List.copyOf(members), teams, List.copyOf(events));
  }

  private static Attrs survey(Random random) {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < PsychSafety.ITEMS; i++) {
      answers.add(1 + random.nextInt(7));
    }
    if (random.nextInt(8) == 0) {
      answers.remove(0);
    }
    return Attrs.of(Map.of("instrument", PsychSafety.INSTRUMENT, "answers", answers));
  }

  /** The events in {@code n} batches of about equal size, in their (shuffled) order. */
  List<List<Event>> batches(int n) {
    List<List<Event>> out = new ArrayList<>();
    int size = (events.size() + n - 1) / n;
    for (int i = 0; i < events.size(); i += size) {
      out.add(events.subList(i, Math.min(events.size(), i + size)));
    }
    return out;
  }
}
