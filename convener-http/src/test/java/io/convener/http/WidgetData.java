package io.convener.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Two teams' worth of JSON Lines for the widget page: {@code core} (seven members, one of whom
 * gives no consent) and {@code ops} (six), all knowing {@code java}, replying to each other every
 * day of the last twelve weeks, mostly within their team, with a few ties across: both teams have a
 * pulse in every window, core busier each month and ops quiet in the last four weeks, and the
 * network has champions, connectors and collaborators across the teams.
 */
final class WidgetData {
  static final String[] CORE = {"ana", "bo", "cy", "dee", "eli", "fay"};
  static final String[] OPS = {"gus", "hal", "ivy", "jo", "kai", "lu"};

  private WidgetData() {}

  /** The lines, with events up to the day before {@code now}; {@code hidden} joins core without consent. */
  static String lines(Instant now, String hidden) {
    StringBuilder out = new StringBuilder();
    String consentAt = day(now, 200).toString();
    for (String[] team : new String[][] {append(CORE, hidden), OPS}) {
      String name = team == OPS ? "ops" : "core";
      for (String m : team) {
        out.append("{\"type\":\"member\",\"id\":\"").append(m).append("\",\"teams\":[\"").append(name)
            .append("\"],\"skills\":[\"java\",\"").append(team == OPS ? "kubernetes" : "search").append("\"]}\n");
        if (!m.equals(hidden)) {
          out.append("{\"id\":\"c-").append(m).append("\",\"at\":\"").append(consentAt)
              .append("\",\"kind\":\"consent\",\"actor\":\"").append(m)
              .append("\",\"attrs\":{\"purpose\":\"champion.recommendation\",\"decision\":\"granted\"}}\n");
        }
      }
    }
    String[] core = append(CORE, hidden);
    int n = 0;
    for (int d = 1; d <= 84; d++) {
      String at = day(now, d).toString();
      for (String[] team : new String[][] {core, OPS}) {
        // core grows busier week by week; ops falls quiet in the last four weeks
        int perDay = team == OPS ? (d <= 28 ? 1 : 4) : 1 + (84 - d) / 21;
        for (int k = 0; k < perDay; k++) {
          String actor = team[(d + k * 2) % team.length];
          String target = team[(d * 3 + k + 1) % team.length];
          if (!actor.equals(target)) {
            out.append(event(n++, at, actor, target));
          }
        }
      }
      if (d % 3 == 0) {
        // ana and gus bridge the two teams
        out.append(event(n++, at, "ana", OPS[d % OPS.length])).append(event(n++, at, "gus", CORE[d % CORE.length]));
      }
    }
    return out.toString();
  }

  static Instant day(Instant now, int daysAgo) {
    return now.truncatedTo(ChronoUnit.DAYS).minus(daysAgo, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
  }

  private static String event(int n, String at, String actor, String target) {
    return "{\"id\":\"w" + n + "\",\"at\":\"" + at + "\",\"kind\":\"reply\",\"actor\":\"" + actor
        + "\",\"targets\":[\"" + target + "\"]}\n";
  }

  private static String[] append(String[] members, String one) {
    String[] all = java.util.Arrays.copyOf(members, members.length + 1);
    all[members.length] = one;
    return all;
  }
}
