package io.convener.core.pulse;

import java.util.Arrays;

/**
 * What one member did on one UTC day, as the pulse needs it and no more: the instant (millisecond
 * of the day) of each activity event, each directed tie, each sentiment score and each message
 * with the instant of its first answer by someone else. No content, no event ids. Not
 * thread-safe: its {@link TenantRollup} guards it.
 */
final class Day {
  private static final int[] NO_INTS = new int[0];
  private static final long[] NO_LONGS = new long[0];
  private static final float[] NO_FLOATS = new float[0];

  int activity;
  int[] activityTimes = NO_INTS;
  int ties;
  int[] tieTimes = NO_INTS;
  int[] tieTargets = NO_INTS;
  int scored;
  int[] scoreTimes = NO_INTS;
  float[] scores = NO_FLOATS;
  int messages;
  int[] messageTimes = NO_INTS;
  /** Epoch millisecond of each message's first answer by someone else, or -1. */
  long[] answeredAt = NO_LONGS;

  void addActivity(int time) {
    if (activity == activityTimes.length) {
      activityTimes = Arrays.copyOf(activityTimes, grow(activity));
    }
    activityTimes[activity++] = time;
  }

  void addTie(int time, int target) {
    if (ties == tieTimes.length) {
      tieTimes = Arrays.copyOf(tieTimes, grow(ties));
      tieTargets = Arrays.copyOf(tieTargets, grow(ties));
    }
    tieTimes[ties] = time;
    tieTargets[ties++] = target;
  }

  void addScore(int time, double score) {
    if (scored == scoreTimes.length) {
      scoreTimes = Arrays.copyOf(scoreTimes, grow(scored));
      scores = Arrays.copyOf(scores, grow(scored));
    }
    scoreTimes[scored] = time;
    scores[scored++] = (float) score;
  }

  /** Adds a message and returns its slot. */
  int addMessage(int time, long answered) {
    if (messages == messageTimes.length) {
      messageTimes = Arrays.copyOf(messageTimes, grow(messages));
      answeredAt = Arrays.copyOf(answeredAt, grow(messages));
    }
    messageTimes[messages] = time;
    answeredAt[messages] = answered;
    return messages++;
  }

  private static int grow(int size) {
    return Math.max(4, size + (size >> 1));
  }
}
