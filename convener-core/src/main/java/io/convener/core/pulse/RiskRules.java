package io.convener.core.pulse;

import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseMetrics;
import io.convener.api.pulse.PulseSettings;
import io.convener.api.pulse.RiskFlag;
import io.convener.api.pulse.RiskKind;
import io.convener.api.pulse.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The scope-level risk rules, each against the tenant's {@link PulseSettings} (see {@code
 * docs/pulse.md}); {@code SILENT_MEMBER} needs consent and is judged by the aggregator. Stateless
 * and thread-safe.
 */
final class RiskRules {
  private RiskRules() {}

  /** The flags the window's figures and metrics raise against their baseline. */
  static List<RiskFlag> scopeFlags(
      PulseSettings s, WindowFigures figures, PulseMetrics now, PulseMetrics before, Instant at) {
    List<RiskFlag> flags = new ArrayList<>();
    OptionalDouble epm = now.get(PulseMetric.EVENTS_PER_MEMBER);
    OptionalDouble base = before.get(PulseMetric.EVENTS_PER_MEMBER);
    if (epm.isPresent() && base.isPresent() && base.getAsDouble() >= 1) {
      double drop = 1 - epm.getAsDouble() / base.getAsDouble();
      if (drop >= s.engagementDrop()) {
        flags.add(RiskFlag.scope(RiskKind.ENGAGEMENT_DROP, drop >= 2 * s.engagementDrop() ? Severity.HIGH : Severity.MEDIUM,
            fmt("events per member %.1f in the window vs %.1f in the baseline (-%.0f%%, threshold %.0f%%); participation %.0f%% vs %.0f%%",
                epm.getAsDouble(), base.getAsDouble(), 100 * drop, 100 * s.engagementDrop(),
                100 * now.get(PulseMetric.PARTICIPATION_RATE).orElse(0),
                100 * before.get(PulseMetric.PARTICIPATION_RATE).orElse(0)), at));
      }
    }
    OptionalDouble rate = now.get(PulseMetric.RESPONSE_RATE);
    if (rate.isPresent() && figures.judgedMessages >= s.minMessages() && rate.getAsDouble() < s.unansweredBelow()) {
      flags.add(RiskFlag.scope(RiskKind.UNANSWERED, rate.getAsDouble() < s.unansweredBelow() / 2 ? Severity.HIGH : Severity.MEDIUM,
          fmt("%.0f%% of messages answered by someone else within 48 h (threshold %.0f%%, baseline %s)",
              100 * rate.getAsDouble(), 100 * s.unansweredBelow(), pct(before.get(PulseMetric.RESPONSE_RATE))), at));
    }
    OptionalDouble gini = now.get(PulseMetric.TURN_TAKING_GINI);
    if (gini.isPresent() && gini.getAsDouble() >= s.inclusionGini()) {
      flags.add(RiskFlag.scope(RiskKind.LOW_INCLUSION, gini.getAsDouble() >= (1 + s.inclusionGini()) / 2 ? Severity.HIGH : Severity.MEDIUM,
          fmt("turn-taking Gini %.2f (threshold %.2f); half of the activity comes from %.0f of %d members",
              gini.getAsDouble(), s.inclusionGini(), now.get(PulseMetric.ABSENCE_FACTOR).orElse(0), now.members()), at));
    }
    OptionalDouble mood = now.get(PulseMetric.SENTIMENT);
    if (mood.isPresent() && figures.scored >= s.minScoredEvents() && mood.getAsDouble() <= s.negativeSentiment()) {
      flags.add(RiskFlag.scope(RiskKind.NEGATIVE_SENTIMENT,
          mood.getAsDouble() <= (s.negativeSentiment() - 1) / 2 ? Severity.HIGH : Severity.MEDIUM,
          fmt("mean sentiment %.2f (threshold %.2f, baseline %s)", mood.getAsDouble(), s.negativeSentiment(),
              num(before.get(PulseMetric.SENTIMENT))), at));
    }
    OptionalDouble safety = now.get(PulseMetric.PSYCH_SAFETY);
    if (safety.isPresent() && safety.getAsDouble() < s.lowPsychSafety()) {
      flags.add(RiskFlag.scope(RiskKind.LOW_PSYCH_SAFETY,
          safety.getAsDouble() < s.lowPsychSafety() - 1 ? Severity.HIGH : Severity.MEDIUM,
          fmt("psychological safety %.2f of 7 from %.0f respondents (threshold %.2f, r_wg %s)", safety.getAsDouble(),
              now.get(PulseMetric.RESPONDENTS).orElse(0), s.lowPsychSafety(),
              num(now.get(PulseMetric.PSYCH_SAFETY_AGREEMENT))), at));
    }
    return flags;
  }

  /** The mean of each metric over the windows where it is defined. */
  static PulseMetrics mean(List<PulseMetrics> windows) {
    Map<PulseMetric, Double> out = new EnumMap<>(PulseMetric.class);
    for (PulseMetric m : PulseMetric.values()) {
      double sum = 0;
      int n = 0;
      for (PulseMetrics w : windows) {
        OptionalDouble v = w.get(m);
        if (v.isPresent()) {
          sum += v.getAsDouble();
          n++;
        }
      }
      if (n > 0) {
        out.put(m, sum / n);
      }
    }
    return new PulseMetrics(out);
  }

  private static String pct(OptionalDouble v) {
    return v.isPresent() ? fmt("%.0f%%", 100 * v.getAsDouble()) : "none";
  }

  private static String num(OptionalDouble v) {
    return v.isPresent() ? fmt("%.2f", v.getAsDouble()) : "none";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
