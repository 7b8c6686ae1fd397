package io.convener.core.champion;

import io.convener.api.EventId;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a window shows of each member's wanted skills: endorsements received for a skill (the k-th
 * from the same endorser for the same skill counts {@code decay^(k-1)}), events the member made
 * tagged with it (collaboration and learning events other than endorsements), and the latest such events as evidence.
 * Skills compare case-insensitively. Not thread-safe; one per request.
 */
final class SkillEvidence {
  static final int EVIDENCE = 3;

  private final List<String> skills;
  private final double[][] endorsed;
  private final double[][] tagged;
  private final Map<Integer, List<long[]>> latest = new HashMap<>();
  private final EventColumns.View events;

  private SkillEvidence(List<String> skills, int n, EventColumns.View events) {
    this.skills = skills.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
    this.endorsed = new double[skills.size()][n];
    this.tagged = new double[skills.size()][n];
    this.events = events;
  }

  static SkillEvidence collect(Pipeline.Scored s, List<String> wanted, double decay) {
    WindowGraph wg = s.graph();
    EventColumns.View ev = s.snapshot().events();
    SkillEvidence se = new SkillEvidence(wanted, wg.nodeCount(), ev);
    long from = EventColumns.nanos(s.from());
    long until = EventColumns.nanos(s.until());
    Map<String, Integer> repeats = new HashMap<>();
    for (int i = 0; i < ev.size(); i++) {
      long at = ev.at()[i];
      if (at < from || at >= until) {
        continue;
      }
      String[] tags = ev.tagsOf(i);
      if (tags.length == 0) {
        continue;
      }
      int a = wg.nodeOf[ev.actor()[i]];
      if (a < 0) {
        continue;
      }
      for (String tag : tags) {
        int k = se.skills.indexOf(tag.toLowerCase(Locale.ROOT));
        if (k < 0) {
          continue;
        }
        if (ev.kindOf(i) != EventKind.ENDORSEMENT) {
          se.tagged[k][a]++;
          se.remember(a, i);
        } else {
          for (int j = ev.targetStart(i); j < ev.targetEnd()[i]; j++) {
            int t = wg.nodeOf[ev.targets()[j]];
            if (t < 0 || t == a) {
              continue;
            }
            int seen = repeats.merge(a + ">" + t + ":" + k, 1, Integer::sum);
            se.endorsed[k][t] += ev.weight()[i] * Math.pow(decay, seen - 1);
            se.remember(t, i);
          }
        }
      }
    }
    return se;
  }

  private void remember(int node, int event) {
    List<long[]> l = latest.computeIfAbsent(node, x -> new ArrayList<>());
    for (long[] e : l) {
      if (e[1] == event) {
        return;
      }
    }
    l.add(new long[] {events.at()[event], event});
    l.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(y[1], x[1]));
    if (l.size() > EVIDENCE) {
      l.remove(EVIDENCE);
    }
  }

  boolean declared(int k, Member m) {
    for (String s : m.skills()) {
      if (s.toLowerCase(Locale.ROOT).equals(skills.get(k))) {
        return true;
      }
    }
    return false;
  }

  double endorsed(int k, int node) {
    return endorsed[k][node];
  }

  double tagged(int k, int node) {
    return tagged[k][node];
  }

  /** {@code 0.5 * declared + 0.3 * min(1, endorsed / 2) + 0.2 * min(1, tagged / 5)}. */
  double expertise(int k, int node, Member m) {
    return 0.5 * (declared(k, m) ? 1 : 0) + 0.3 * Math.min(1, endorsed[k][node] / 2)
        + 0.2 * Math.min(1, tagged[k][node] / 5);
  }

  /** The latest events that show a wanted skill of the node, most recent first. */
  List<EventId> events(int node) {
    List<EventId> ids = new ArrayList<>();
    for (long[] e : latest.getOrDefault(node, List.of())) {
      ids.add(EventId.of(events.id((int) e[1])));
    }
    return ids;
  }
}
