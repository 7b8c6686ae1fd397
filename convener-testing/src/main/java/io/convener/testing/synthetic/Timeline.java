package io.convener.testing.synthetic;

/**
 * Working time: when, in UTC epoch seconds, a member at a site is likely to act. Sites keep fixed
 * offsets from UTC; weekdays follow the local calendar. Stateless and thread-safe. Not API.
 */
final class Timeline {
  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  /** Relative activity by local hour on a weekday: mornings and afternoons, a dip at lunch. */
  private static final double[] WEEKDAY_HOURS = {
    0.01, 0.005, 0.005, 0.005, 0.005, 0.01, 0.03, 0.12, 0.45, 0.85, 1.0, 0.95,
    0.5, 0.8, 1.0, 0.95, 0.8, 0.55, 0.25, 0.12, 0.08, 0.06, 0.04, 0.02};
  private static final double WEEKEND_FACTOR = 0.06;
  private static final double WEEK_MASS;

  static {
    double day = 0;
    for (double h : WEEKDAY_HOURS) {
      day += h;
    }
    WEEK_MASS = day * (5 + 2 * WEEKEND_FACTOR);
  }

  private Timeline() {}

  /**
   * Fills {@code cumulative} (24 entries) with the cumulative share of a week's activity that falls
   * in each UTC hour of the day starting at {@code dayStart}, for a site; returns the day's total.
   */
  static double dayProfile(int site, long dayStart, double[] cumulative) {
    int offset = Vocabulary.SITES.get(site).utcOffsetHours();
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      long local = dayStart + h * HOUR + HOUR / 2 + offset * HOUR;
      int hour = (int) Math.floorMod(local, DAY) / (int) HOUR;
      double w = WEEKDAY_HOURS[hour] * (isWeekend(local) ? WEEKEND_FACTOR : 1.0);
      sum += w / WEEK_MASS;
      cumulative[h] = sum;
    }
    return sum;
  }

  /** A second within the day starting at {@code dayStart}, drawn from a {@link #dayProfile}. */
  static long sample(double[] cumulative, long dayStart, Rng rng) {
    int hour = rng.weighted(cumulative);
    return dayStart + hour * HOUR + rng.nextInt((int) HOUR);
  }

  /** A second within that day, drawn from the site's working pattern. */
  static long sample(int site, long dayStart, Rng rng) {
    double[] cumulative = new double[24];
    dayProfile(site, dayStart, cumulative);
    return sample(cumulative, dayStart, rng);
  }

  /** {@code second}, or, outside working hours (08:00–19:00 local, Monday–Friday), the next start of work. */
  static long nextWorking(int site, long second, Rng rng) {
    long offset = Vocabulary.SITES.get(site).utcOffsetHours() * HOUR;
    long local = second + offset;
    long hour = Math.floorMod(local, DAY) / HOUR;
    if (!isWeekend(local) && hour >= 8 && hour < 19) {
      return second;
    }
    long day = Math.floorDiv(local, DAY) + (hour >= 8 ? 1 : 0);
    while (isWeekend(day * DAY)) {
      day++;
    }
    return day * DAY + 8 * HOUR + rng.nextInt((int) (2 * HOUR)) - offset;
  }

  /** Whether a local epoch second falls on a Saturday or Sunday (1970-01-01 was a Thursday). */
  static boolean isWeekend(long localSecond) {
    long dow = Math.floorMod(Math.floorDiv(localSecond, DAY) + 3, 7);
    return dow >= 5;
  }

  /** Whether the UTC day starting at {@code dayStart} is, at its midday, a Friday. */
  static boolean isFriday(long dayStart) {
    return Math.floorMod(Math.floorDiv(dayStart + DAY / 2, DAY) + 3, 7) == 4;
  }
}
