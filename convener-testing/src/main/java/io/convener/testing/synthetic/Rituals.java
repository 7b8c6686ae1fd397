package io.convener.testing.synthetic;

import io.convener.api.model.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the events that follow the calendar rather than the conversation: consent decisions when
 * members join the period (and the few later revocations), psychological safety survey waves every
 * four weeks, and the teams' Friday outcome reports. Not thread-safe; not API.
 */
final class Rituals {
  /** The consent purposes, in the order members decide them. */
  static final List<String> PURPOSES = List.of(
      "champion.recommendation", "pulse.individual", "learning.attribution",
      "innovation.attribution", "profile.share");

  /** The survey instrument's name. */
  static final String INSTRUMENT = "psych-safety-7";

  private final EventSimulation sim;
  private final Knowledge knowledge;
  private final Blueprint bp;
  private final Rng rng;

  Rituals(EventSimulation sim, Knowledge knowledge) {
    this.sim = sim;
    this.knowledge = knowledge;
    this.bp = sim.bp;
    this.rng = sim.rng;
  }

  void plan(int day, long dayStart) {
    if (day == 0) {
      for (int m = 0; m < bp.memberCount(); m++) {
        consent(m, dayStart);
      }
    }
    int wave = wave(day);
    if (wave > 0) {
      for (int m = 0; m < bp.memberCount(); m++) {
        survey(m, dayStart, wave);
      }
    }
    if (Timeline.isFriday(dayStart)) {
      for (int t = 0; t < bp.teamCount(); t++) {
        if (rng.chance(0.6 * bp.trend(t, dayStart))) {
          knowledge.outcome(t, Timeline.sample(bp.site[bp.teamMembers[t][0]], dayStart, rng));
        }
      }
    }
  }

  /** The survey wave (1, 2, ...) that starts on this day, or 0. Waves fall every 4 weeks, the last in the penultimate week. */
  private int wave(int day) {
    if (day % 7 != 0) {
      return 0;
    }
    int week = day / 7;
    int weeks = bp.settings.weeks();
    if (weeks == 1) {
      return week == 0 ? 1 : 0;
    }
    int first = (weeks - 2) % 4;
    return week >= first && (week - first) % 4 == 0 ? (week - first) / 4 + 1 : 0;
  }

  private void consent(int m, long dayStart) {
    Blueprint.ConsentHabit habit = bp.consent[m];
    if (habit == Blueprint.ConsentHabit.NEVER) {
      return;
    }
    long at = Timeline.sample(bp.site[m], dayStart + rng.nextInt(5) * Timeline.DAY, rng);
    List<String> granted = new ArrayList<>();
    for (String purpose : PURPOSES) {
      boolean grant = habit != Blueprint.ConsentHabit.GRANTS_SOME
          || rng.chance(purpose.equals("champion.recommendation") ? 0.7 : 0.45);
      if (grant) {
        granted.add(purpose);
        at += rng.between(1, 30);
        decide(m, at, purpose, "granted");
      }
    }
    if (habit == Blueprint.ConsentHabit.REVOKES_LATER) {
      long span = bp.endSecond - bp.startSecond;
      long later = bp.startSecond + span / 4 + (long) (rng.nextDouble() * span * 0.65);
      later = Timeline.nextWorking(bp.site[m], Math.max(later, at + Timeline.HOUR), rng);
      int revocations = rng.chance(0.7) ? 1 : 2;
      for (int k = 0; k < revocations && !granted.isEmpty(); k++) {
        later += rng.between(1, 30);
        decide(m, later, granted.remove(rng.nextInt(granted.size())), "revoked");
      }
    }
  }

  private void decide(int m, long at, String purpose, String decision) {
    Draft d = sim.draft(at, EventKind.CONSENT, m);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("purpose", purpose);
    attrs.put("decision", decision);
    d.attrs = attrs;
    sim.schedule(d);
  }

  /**
   * Most members answer each wave, on one of its first five days. Answers centre on the team's
   * safety level: high on the positively worded items 2, 4, 6 and 7, low on the negatively worded
   * items 1, 3 and 5.
   */
  private void survey(int m, long dayStart, int wave) {
    if (!bp.activeAt(m, dayStart) || !rng.chance(0.75)) {
      return;
    }
    long at = Timeline.sample(bp.site[m], dayStart + rng.nextInt(5) * Timeline.DAY, rng);
    if (!bp.activeAt(m, at)) {
      return;
    }
    int team = bp.homeTeam[m];
    double felt = Math.max(0, Math.min(1, bp.profile[team].psychSafety() + 0.12 * rng.gaussian()));
    List<Integer> answers = new ArrayList<>(7);
    for (int item = 1; item <= 7; item++) {
      boolean negative = item == 1 || item == 3 || item == 5;
      double mean = negative ? 7 - 6 * felt : 1 + 6 * felt;
      answers.add((int) Math.max(1, Math.min(7, Math.round(mean + 0.7 * rng.gaussian()))));
    }
    Draft d = sim.draft(at, EventKind.SURVEY, m);
    d.team = team;
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("instrument", INSTRUMENT);
    attrs.put("answers", answers);
    attrs.put("wave", wave);
    d.attrs = attrs;
    sim.schedule(d);
  }
}
