package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.CollaboratorQuery;
import io.convener.api.champion.CollaboratorRecommendations;
import io.convener.api.champion.Recommendation;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.graph.InteractionGraph;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommends members outside a team for a set of skills. For each wanted skill s a candidate's
 * expertise is {@code 0.5 * declared(s) + 0.3 * min(1, endorsed(s) / 2) + 0.2 * min(1, tagged(s) /
 * 5)}, averaged over the skills (endorsements of s with diminishing returns per endorser; tagged =
 * the candidate's events in the window tagged s). Participation is {@code ln(1 + activity) / ln(1 +
 * max activity)} over the candidates. Proximity is {@code min(1, (direct + shared / 2) / |team|)},
 * direct = team members the candidate has a tie with, shared = people outside the team tied to
 * both. Diversity is the share of the candidate's contacts that have no tie to the team. Score =
 * 0.5 expertise + 0.2 participation + 0.3 proximity, or, favouring diverse ties, 0.5 expertise +
 * 0.2 participation + 0.1 proximity + 0.2 diversity. Candidates without expertise are not
 * recommended. Thread-safe.
 */
final class CollaboratorFinder {
  static final double W_EXPERTISE = 0.5;
  static final double W_PARTICIPATION = 0.2;
  static final double W_PROXIMITY = 0.3;
  static final double W_PROXIMITY_DIVERSE = 0.1;
  static final double W_DIVERSITY = 0.2;

  private final Pipeline pipeline;
  private final ConsentEngine consent;

  @Inject
  CollaboratorFinder(Pipeline pipeline, ConsentEngine consent) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.consent = requireNonNull(consent, "consent");
  }

  CollaboratorRecommendations find(TenantId tenant, CollaboratorQuery q, Instant asOf, ChampionSettings settings) {
    Pipeline.Scored s = pipeline.score(tenant, asOf, q.window(), settings);
    WindowGraph wg = s.graph();
    InteractionGraph g = wg.graph;
    int n = wg.nodeCount();
    boolean[] inTeam = new boolean[n];
    int teamSize = 0;
    for (int v = 0; v < n; v++) {
      if (member(s, v).teams().contains(q.team())) {
        inTeam[v] = true;
        teamSize++;
      }
    }
    List<String> skills = q.skills().isEmpty() ? teamSkills(s, inTeam) : List.copyOf(q.skills());
    if (teamSize == 0 || skills.isEmpty()) {
      return new CollaboratorRecommendations(q.team(), skills, List.of(), 0, 0, Summaries.of(s), 0);
    }
    SkillEvidence ev = SkillEvidence.collect(s, skills, settings.thresholds().repeatDecay());
    int[] adj = new int[n];
    for (int v = 0; v < n; v++) {
      if (inTeam[v]) {
        g.forEachNeighbour(v, (u, w) -> adj[u]++);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    double maxActivity = 0;
    for (int c = 0; c < n; c++) {
      if (inTeam[c]) {
        continue;
      }
      double expertise = 0;
      List<String> matching = new ArrayList<>();
      for (int k = 0; k < skills.size(); k++) {
        double e = ev.expertise(k, c, member(s, c));
        if (e > 0) {
          matching.add(skills.get(k));
        }
        expertise += e;
      }
      if (expertise <= 0) {
        continue;
      }
      candidates.add(new Candidate(c, expertise / skills.size(), matching));
      maxActivity = Math.max(maxActivity, wg.activity(c));
    }
    Map<MemberId, Candidate> byId = new HashMap<>();
    for (Candidate c : candidates) {
      c.participation = maxActivity > 0 ? Math.log1p(wg.activity(c.node)) / Math.log1p(maxActivity) : 0;
      int[] direct = {0};
      List<Integer> shared = new ArrayList<>();
      int[] fresh = {0};
      g.forEachNeighbour(c.node, (u, w) -> {
        if (inTeam[u]) {
          direct[0]++;
        } else if (adj[u] > 0) {
          shared.add(u);
        } else {
          fresh[0]++;
        }
      });
      c.direct = direct[0];
      c.shared = shared;
      c.fresh = fresh[0];
      c.proximity = Math.min(1, (c.direct + shared.size() / 2.0) / teamSize);
      int degree = g.degree(c.node);
      c.diversity = degree == 0 ? 0 : (double) c.fresh / degree;
      c.score = q.favourDiverseTies()
          ? W_EXPERTISE * c.expertise + W_PARTICIPATION * c.participation + W_PROXIMITY_DIVERSE * c.proximity
              + W_DIVERSITY * c.diversity
          : W_EXPERTISE * c.expertise + W_PARTICIPATION * c.participation + W_PROXIMITY * c.proximity;
      byId.put(member(s, c.node).id(), c);
    }
    candidates.sort((a, b) -> {
      int x = Double.compare(b.score, a.score);
      return x != 0 ? x : member(s, a.node).id().compareTo(member(s, b.node).id());
    });
    List<MemberId> ids = candidates.stream().map(c -> member(s, c.node).id()).toList();
    Disclosure<MemberId> d = consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, ids);
    List<Disclosed<MemberId>> listed = d.disclosed().size() > q.limit()
        ? d.disclosed().subList(0, q.limit()) : d.disclosed();
    Set<MemberId> neighbours = new LinkedHashSet<>();
    for (Disclosed<MemberId> m : listed) {
      for (int u : byId.get(m.value()).shared) {
        neighbours.add(member(s, u).id());
      }
    }
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    for (Disclosed<MemberId> x : consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, neighbours).disclosed()) {
      named.put(x.value(), x);
    }
    List<Recommendation> out = new ArrayList<>();
    for (Disclosed<MemberId> m : listed) {
      Candidate c = byId.get(m.value());
      List<Disclosed<MemberId>> sharedNamed = new ArrayList<>();
      for (int u : c.shared) {
        Disclosed<MemberId> x = named.get(member(s, u).id());
        if (x != null) {
          sharedNamed.add(x);
        }
      }
      sharedNamed.sort((a, b) -> a.value().compareTo(b.value()));
      int withheld = c.shared.size() - sharedNamed.size();
      List<EventId> evidence = ev.events(c.node);
      out.add(new Recommendation(m, c.score, c.components(q.favourDiverseTies()),
          Reasons.of(c, skills, ev, member(s, c.node), teamSize, wg.activity(c.node), sharedNamed, withheld,
              q.favourDiverseTies()),
          c.matching, sharedNamed, withheld, evidence, 0));
    }
    return new CollaboratorRecommendations(q.team(), skills, out, candidates.size(), d.withheld(), Summaries.of(s), 0);
  }

  private static Member member(Pipeline.Scored s, int node) {
    return s.snapshot().roster().member(s.graph().rosterOf[node]);
  }

  /** The skills the team's members declare, most common first (then by name), at most ten. */
  private static List<String> teamSkills(Pipeline.Scored s, boolean[] inTeam) {
    Map<String, Integer> count = new HashMap<>();
    for (int v = 0; v < inTeam.length; v++) {
      if (inTeam[v]) {
        for (String skill : member(s, v).skills()) {
          count.merge(skill, 1, Integer::sum);
        }
      }
    }
    return count.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** One candidate's numbers. Not thread-safe. */
  static final class Candidate {
    final int node;
    final double expertise;
    final List<String> matching;
    double participation;
    double proximity;
    double diversity;
    double score;
    int direct;
    int fresh;
    List<Integer> shared = List.of();

    Candidate(int node, double expertise, List<String> matching) {
      this.node = node;
      this.expertise = expertise;
      this.matching = List.copyOf(matching);
    }

    Map<String, Double> components(boolean diverse) {
      Map<String, Double> m = new java.util.LinkedHashMap<>();
      m.put("expertise", expertise);
      m.put("participation", participation);
      m.put("proximity", proximity);
      if (diverse) {
        m.put("diversity", diversity);
      }
      return m;
    }
  }
}
