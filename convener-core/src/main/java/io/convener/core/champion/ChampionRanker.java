package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.ChampionRole;
import io.convener.api.champion.ChampionSettings;
import io.convener.api.champion.Evidence;
import io.convener.api.champion.Evidence.EventEvidence;
import io.convener.api.champion.Evidence.PersonEvidence;
import io.convener.api.champion.RankedMember;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.feedback.FeedbackMarks;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Builds a {@link ChampionRanking}: scores the window, keeps the members that match the filters,
 * orders them by score (then id), lets the consent gate through only those who consent to {@code
 * champion.recommendation} (the rest are counted), and explains each listed entry. A member whose
 * champion recommendation is disputed, while the dispute holds ({@link FeedbackMarks}), is no
 * candidate: held out of the ranking, though still part of the graph. Thread-safe.
 */
final class ChampionRanker {
  private final Pipeline pipeline;
  private final ConsentEngine consent;
  private final FeedbackMarks feedback;

  @Inject
  ChampionRanker(Pipeline pipeline, ConsentEngine consent, FeedbackMarks feedback) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.consent = requireNonNull(consent, "consent");
    this.feedback = requireNonNull(feedback, "feedback");
  }

  ChampionRanking rank(TenantId tenant, ChampionQuery q, Instant asOf, ChampionSettings settings) {
    if (!pipeline.logs().loaded(tenant)) {
      warmConsent(tenant);
    }
    Pipeline.Scored s = pipeline.score(tenant, asOf, q.window(), settings);
    WindowGraph wg = s.graph();
    Scoring sc = s.scoring();
    FeedbackMarks.Disputes disputes = feedback.read(tenant);
    int[] matching = new int[wg.nodeCount()];
    int count = 0;
    for (int v = 0; v < wg.nodeCount(); v++) {
      if (matches(s, v, q) && !disputes.heldOut(idOf(s, v))) {
        matching[count++] = v;
      }
    }
    int[] candidates = Arrays.copyOf(matching, count);
    // Count how many the gate would let through (beside the disclosure and the evidence below,
    // which do not need it), and disclose only as many of the best candidates as it takes to fill
    // the limit: the names always come from disclose().
    // Its own thread, not the common pool: it may wait on the store, and the kernel's helpers run there.
    CompletableFuture<Integer> consenting = SideWork.start("consent-count", () -> {
      List<MemberId> candidateIds = new ArrayList<>(candidates.length);
      for (int v : candidates) {
        candidateIds.add(idOf(s, v));
      }
      return consent.countDisclosable(tenant, Purpose.CHAMPION_RECOMMENDATION, candidateIds);
    });
    int withheldCandidates = -1;
    List<Disclosed<MemberId>> listed = List.of();
    int[] nodes = new int[0];
    for (int take = Math.min(candidates.length, 2 * q.limit() + 16); ; take = Math.min(candidates.length, take * 4)) {
      int[] best = Ordering.top(candidates, sc.score, v -> idOf(s, v), take);
      List<MemberId> ids = new ArrayList<>(take);
      for (int v : best) {
        ids.add(idOf(s, v));
      }
      Disclosure<MemberId> d = consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, ids);
      if (d.disclosed().size() >= q.limit() || take == candidates.length) {
        listed = d.disclosed().size() > q.limit() ? d.disclosed().subList(0, q.limit()) : d.disclosed();
        nodes = new int[listed.size()];
        for (int i = 0, c = 0; i < nodes.length; i++) {
          while (!idOf(s, best[c]).equals(listed.get(i).value())) {
            c++;
          }
          nodes[i] = best[c++];
        }
        if (take == candidates.length) {
          withheldCandidates = d.withheld();
        }
        break;
      }
    }
    EvidenceBuilder eb = new EvidenceBuilder(s);
    List<List<EventEvidence>> events = eb.events(nodes);
    List<List<EvidenceBuilder.Contributor>> people = new ArrayList<>();
    Set<MemberId> everyone = new LinkedHashSet<>();
    for (int v : nodes) {
      List<EvidenceBuilder.Contributor> p = eb.people(v);
      people.add(p);
      p.forEach(c -> everyone.add(c.member()));
    }
    Map<MemberId, Disclosed<MemberId>> named = new HashMap<>();
    for (Disclosed<MemberId> d : consent.disclose(tenant, Purpose.CHAMPION_RECOMMENDATION, everyone).disclosed()) {
      named.put(d.value(), d);
    }
    List<RankedMember> entries = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      int v = nodes[i];
      List<PersonEvidence> shown = new ArrayList<>();
      int withheld = 0;
      for (EvidenceBuilder.Contributor c : people.get(i)) {
        Disclosed<MemberId> d = named.get(c.member());
        if (d == null) {
          withheld++;
        } else {
          shown.add(new PersonEvidence(d, ChampionSettings.INFLUENCE, c.share()));
        }
      }
      Evidence evidence = new Evidence(events.get(i), shown, withheld, signalEvidence(s, v));
      entries.add(new RankedMember(listed.get(i), i + 1, sc.score[v], sc.roles(v, s.teamOfRoster()),
          sc.persona(v), values(sc.names, sc.components, v), values(sc.names, sc.raw, v), weights(sc),
          evidence, s.structure().exact(), 0));
    }
    if (withheldCandidates < 0) {
      withheldCandidates = candidates.length - SideWork.join(consenting);
    }
    return new ChampionRanking(asOf, q.window(), entries, candidates.length, withheldCandidates,
        Summaries.of(s), s.structure().betweennessExactness(), settings, signalWeights(s), 0);
  }

  /**
   * Reads the tenant's consent to champion.recommendation on a side thread while its events load:
   * a cold first request then waits for the longer of the two, not their sum. Discloses nothing; a
   * failure here is left to the request's own call to the gate, which reports it.
   */
  private void warmConsent(TenantId tenant) {
    SideWork.start("consent-warm-up", () -> consent.countDisclosable(tenant, Purpose.CHAMPION_RECOMMENDATION, List.of()));
  }

  private static boolean matches(Pipeline.Scored s, int v, ChampionQuery q) {
    Member m = s.snapshot().roster().member(s.graph().rosterOf[v]);
    if (q.team().isPresent() && !m.teams().contains(q.team().get())) {
      return false;
    }
    if (q.cohort().isPresent() && !m.cohorts().contains(q.cohort().get())) {
      return false;
    }
    if (q.org().isPresent() && (m.org().isEmpty() || !m.org().get().isWithin(q.org().get()))) {
      return false;
    }
    if (s.graph().activity(v) < q.minActivity()) {
      return false;
    }
    if (q.role().isPresent()) {
      ChampionRole r = q.role().get();
      return s.scoring().holds(v, r, s.teamOfRoster());
    }
    return true;
  }

  private static MemberId idOf(Pipeline.Scored s, int v) {
    return s.snapshot().roster().member(s.graph().rosterOf[v]).id();
  }

  private static Map<String, Double> values(List<String> names, double[][] x, int v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      m.put(names.get(c), x[c][v]);
    }
    return m;
  }

  private static Map<String, Double> weights(Scoring sc) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 0; c < sc.names.size(); c++) {
      m.put(sc.names.get(c), sc.weights[c]);
    }
    return m;
  }

  private static Map<String, List<String>> signalEvidence(Pipeline.Scored s, int v) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    SignalRunner.Values values = s.signals();
    for (int i = 0; i < values.names().size(); i++) {
      List<String> e = values.evidence().get(i).get(v);
      if (e != null && !e.isEmpty()) {
        m.put(values.names().get(i), e);
      }
    }
    return m;
  }

  private static Map<String, Double> signalWeights(Pipeline.Scored s) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < s.signals().names().size(); i++) {
      m.put(s.signals().names().get(i), s.signals().weights()[i]);
    }
    return m;
  }
}
