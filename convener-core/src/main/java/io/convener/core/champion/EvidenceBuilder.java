package io.convener.core.champion;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.Evidence.EventEvidence;
import io.convener.api.model.EventKind;
import io.convener.core.internal.graph.InteractionGraph;
import io.convener.core.internal.graph.PageRank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The evidence of the listed members, from one more pass over the window: the events that added
 * most to each member's score, and the people whose ties pass them the most PageRank. An event's
 * weight in the score is what it added to one component, normalised and weighed as the score does:
 * as actor it adds its weight to engagement; as target, its share of the actor's PageRank to
 * influence ({@code 0.85 * PR(actor) * w / outWeight(actor)}) and its weight to responses or
 * endorsements. A person's share is {@code 0.85 * PR(u) * w(u -> v) / outWeight(u)}. Not
 * thread-safe; one per request.
 */
final class EvidenceBuilder {
  static final int TOP = 5;

  private final Pipeline.Scored s;

  EvidenceBuilder(Pipeline.Scored s) {
    this.s = s;
  }

  /** Top events per listed node, largest first. */
  List<List<EventEvidence>> events(int[] listed) {
    WindowGraph wg = s.graph();
    Scoring sc = s.scoring();
    int n = wg.nodeCount();
    int[] slot = new int[n];
    Arrays.fill(slot, -1);
    for (int i = 0; i < listed.length; i++) {
      slot[listed[i]] = i;
    }
    List<List<Ranked>> found = new ArrayList<>();
    for (int i = 0; i < listed.length; i++) {
      found.add(new ArrayList<>());
    }
    double[] pr = s.structure().pageRank();
    InteractionGraph g = wg.graph;
    double maxPr = Scoring.max(pr);
    double maxGiven = Scoring.max(wg.given);
    double maxResp = Scoring.max(wg.responses);
    double maxEnd = Scoring.max(wg.endorsements);
    EventColumns.View ev = s.snapshot().events();
    long from = EventColumns.nanos(s.from());
    long until = EventColumns.nanos(s.until());
    // Every event of the tenant is looked at, and few name a listed member: that test comes first,
    // on roster indexes and a small array, without the graph's numbering.
    boolean[] named = new boolean[wg.nodeOf.length];
    for (int r = 0; r < named.length; r++) {
      named[r] = wg.nodeOf[r] >= 0 && slot[wg.nodeOf[r]] >= 0;
    }
    long[] ats = ev.at();
    int[] actors = ev.actor();
    int[] targetIds = ev.targets();
    int[] ends = ev.targetEnd();
    for (int i = 0; i < ev.size(); i++) {
      boolean names = named[actors[i]];
      for (int j = i == 0 ? 0 : ends[i - 1], end = ends[i]; !names && j < end; j++) {
        names = named[targetIds[j]];
      }
      long at = ats[i];
      if (!names || at < from || at >= until || !ev.kindOf(i).isCollaboration()) {
        continue;
      }
      int a = wg.nodeOf[actors[i]];
      if (a < 0) {
        continue;
      }
      EventKind kind = ev.kindOf(i);
      double w = ev.weight()[i];
      if (slot[a] >= 0 && maxGiven > 0) {
        offer(found.get(slot[a]), i, kind, ChampionSettings.ENGAGEMENT, w, sc.weights[1] * w / maxGiven);
      }
      for (int j = ev.targetStart(i); j < ev.targetEnd()[i]; j++) {
        int t = wg.nodeOf[ev.targets()[j]];
        if (t < 0 || t == a || slot[t] < 0) {
          continue;
        }
        double flow = g.outWeight(a) > 0 ? PageRank.DAMPING * pr[a] * w / g.outWeight(a) : 0;
        double infl = maxPr > 0 ? sc.weights[0] * flow / maxPr : 0;
        double other = 0;
        String comp = ChampionSettings.INFLUENCE;
        double raw = flow;
        if (kind == EventKind.ENDORSEMENT && maxEnd > 0) {
          other = sc.weights[3] * w / maxEnd;
          if (other > infl) {
            comp = ChampionSettings.ENDORSEMENTS;
            raw = w;
          }
        } else if (isResponse(kind) && maxResp > 0) {
          other = sc.weights[2] * w / maxResp;
          if (other > infl) {
            comp = ChampionSettings.RESPONSES;
            raw = w;
          }
        }
        offer(found.get(slot[t]), i, kind, comp, raw, infl + other);
      }
    }
    List<List<EventEvidence>> out = new ArrayList<>();
    for (List<Ranked> f : found) {
      out.add(f.stream().map(Ranked::evidence).toList());
    }
    return out;
  }

  private static boolean isResponse(EventKind k) {
    return k == EventKind.REPLY || k == EventKind.REACTION || k == EventKind.MENTION || k == EventKind.REVIEW;
  }

  /** An event with its weight in the score, and its instant and id to order equal weights. */
  private record Ranked(double marginal, long at, String id, EventEvidence evidence) {
    /** Whether this comes after an event of that weight, instant and id: lower weight, or later. */
    boolean after(double m, long otherAt, String otherId) {
      if (marginal != m) {
        return marginal < m;
      }
      return at != otherAt ? at > otherAt : id.compareTo(otherId) > 0;
    }
  }

  private void offer(List<Ranked> top, int event, EventKind kind, String comp, double raw, double marginal) {
    if (marginal <= 0) {
      return;
    }
    // sorted by marginal, largest first, at most TOP long; equal marginals by instant, then id, so
    // that the order the events were loaded in does not matter
    EventColumns.View ev = s.snapshot().events();
    long at = ev.at()[event];
    String id = ev.id(event);
    int idx = top.size();
    while (idx > 0 && top.get(idx - 1).after(marginal, at, id)) {
      idx--;
    }
    if (idx >= TOP) {
      return;
    }
    top.add(idx, new Ranked(marginal, at, id, new EventEvidence(EventId.of(id), kind.wireName(), comp, raw)));
    if (top.size() > TOP) {
      top.remove(TOP);
    }
  }

  /** The people who pass a node the most PageRank, largest first, at most {@link #TOP}. */
  List<Contributor> people(int v) {
    WindowGraph wg = s.graph();
    double[] pr = s.structure().pageRank();
    InteractionGraph g = wg.graph;
    List<Contributor> all = new ArrayList<>();
    g.forEachNeighbour(v, (u, undirected) -> {
      double w = g.weight(u, v);
      if (w > 0 && g.outWeight(u) > 0) {
        MemberId id = s.snapshot().roster().member(wg.rosterOf[u]).id();
        all.add(new Contributor(id, PageRank.DAMPING * pr[u] * w / g.outWeight(u)));
      }
    });
    all.sort(Comparator.comparingDouble(Contributor::share).reversed().thenComparing(Contributor::member));
    return all.size() > TOP ? List.copyOf(all.subList(0, TOP)) : List.copyOf(all);
  }

  /** One person's share of a member's PageRank. */
  record Contributor(MemberId member, double share) {}
}
