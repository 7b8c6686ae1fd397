package io.convener.testing.synthetic;

import io.convener.api.EventId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Produces a synthetic organisation's events lazily and in time order. It simulates one day at a
 * time: it plans that day's actions for every member (and the answers, reactions and adoptions
 * they cause, possibly days later) as drafts filed by hour, and hands out, sorted by time, every
 * draft that is earlier than the next unplanned day. Memory therefore holds about a day of events, not
 * the whole history.
 *
 * <p>Deterministic: one {@link Rng} stream, consumed in a fixed order. Not thread-safe; each
 * {@link GeneratedOrganisation#eventIterator()} call makes its own. Not API.
 */
final class EventSimulation implements Iterator<Event> {
  private static final int LEARNING_POOL = 12;
  private static final int OUTCOME_POOL = 8;

  final Blueprint bp;
  final Rng rng;
  private static final Draft[] NONE = new Draft[0];

  /** Planned drafts by hour since the start; an hour is sorted once, when production reaches it. */
  private final TreeMap<Long, ArrayList<Draft>> hours = new TreeMap<>();
  private Draft[] current = NONE;
  private int position;
  private final Collaboration collaboration;
  private final Knowledge knowledge;
  private final Rituals rituals;
  /** Per team: learning artifacts already produced, newest last. */
  final List<ArrayDeque<Draft>> learningPool = new ArrayList<>();
  /** Per team: learning and applied events produced since the team's last outcome. */
  final List<ArrayDeque<Draft>> outcomePool = new ArrayList<>();
  private final double[][] siteHours;
  private final double[] siteMass;
  private long seq;
  private long produced;
  private int nextDay;
  private long dayStart;

  EventSimulation(Blueprint bp) {
    this.bp = bp;
    this.rng = Rng.derive(bp.settings.seed(), 2);
    for (int t = 0; t < bp.teamCount(); t++) {
      learningPool.add(new ArrayDeque<>());
      outcomePool.add(new ArrayDeque<>());
    }
    this.siteHours = new double[Vocabulary.SITES.size()][24];
    this.siteMass = new double[Vocabulary.SITES.size()];
    this.collaboration = new Collaboration(this);
    this.knowledge = new Knowledge(this, collaboration);
    this.rituals = new Rituals(this, knowledge);
    this.dayStart = bp.startSecond;
  }

  @Override
  public boolean hasNext() {
    planAhead();
    return position < current.length;
  }

  @Override
  public Event next() {
    planAhead();
    if (position == current.length) {
      throw new NoSuchElementException("no more events");
    }
    Draft draft = current[position++];
    Event event = draft.produce(EventId.of(eventId(++produced)), bp);
    remember(draft);
    return event;
  }

  /**
   * Makes sure the current hour has a draft left, if any remain. An hour is taken up only when it
   * lies before every day still to plan, since planning never adds drafts before its own day.
   */
  private void planAhead() {
    while (position == current.length) {
      while (nextDay < bp.days && (hours.isEmpty() || hours.firstKey() >= nextDay * 24L)) {
        planDay(nextDay++);
      }
      if (hours.isEmpty()) {
        return;
      }
      ArrayList<Draft> hour = hours.pollFirstEntry().getValue();
      hour.sort(Draft.ORDER);
      current = hour.toArray(NONE);
      position = 0;
    }
  }

  private void planDay(int day) {
    dayStart = bp.startSecond + day * Timeline.DAY;
    for (int s = 0; s < siteMass.length; s++) {
      siteMass[s] = Timeline.dayProfile(s, dayStart, siteHours[s]);
    }
    rituals.plan(day, dayStart);
    long midday = dayStart + Timeline.DAY / 2;
    for (int m = 0; m < bp.memberCount(); m++) {
      if (!bp.activeAt(m, dayStart)) {
        continue;
      }
      double lambda = bp.rate[m] * siteMass[bp.site[m]] * bp.trend(bp.homeTeam[m], midday);
      for (int k = rng.poisson(lambda); k > 0; k--) {
        long at = Timeline.sample(siteHours[bp.site[m]], dayStart, rng);
        if (bp.activeAt(m, at)) {
          collaboration.initiate(m, at);
        }
      }
    }
  }

  /** The start of the day being planned: no draft planned now may be earlier. */
  long dayStart() {
    return dayStart;
  }

  /** A new draft; call {@link #schedule} to have it produced. */
  Draft draft(long at, EventKind kind, int actor) {
    if (at < dayStart) {
      throw new IllegalStateException("draft at " + at + " precedes the planned day " + dayStart);
    }
    return new Draft(at, seq++, kind, actor);
  }

  /** Queues a draft for production; drafts at or after the end of the period are dropped. */
  boolean schedule(Draft draft) {
    if (draft.at >= bp.endSecond) {
      return false;
    }
    hours.computeIfAbsent((draft.at - bp.startSecond) / Timeline.HOUR, h -> new ArrayList<>()).add(draft);
    return true;
  }

  Knowledge knowledge() {
    return knowledge;
  }

  private void remember(Draft draft) {
    if (draft.team < 0) {
      return;
    }
    if (draft.kind == EventKind.LEARNING) {
      bounded(learningPool.get(draft.team), draft, LEARNING_POOL);
      bounded(outcomePool.get(draft.team), draft, OUTCOME_POOL);
    } else if (draft.kind == EventKind.APPLIED) {
      bounded(outcomePool.get(draft.team), draft, OUTCOME_POOL);
    }
  }

  private static void bounded(ArrayDeque<Draft> pool, Draft draft, int limit) {
    if (pool.size() == limit) {
      pool.removeFirst();
    }
    pool.addLast(draft);
  }

  /** {@code e} and at least eight digits: {@code e00000001}. */
  static String eventId(long n) {
    String digits = Long.toString(n);
    return digits.length() >= 8 ? "e" + digits : "e" + "00000000".substring(digits.length()) + digits;
  }
}
