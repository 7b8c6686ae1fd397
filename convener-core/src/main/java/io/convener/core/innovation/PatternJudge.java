package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.innovation.SuccessfulPattern;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.consent.Disclosed;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges whether an innovation is a successful pattern in one tenant and, if so, asks for a
 * notification to the lead of each team that has not adopted it, when that lead consents to {@link
 * NotificationDraft#DIRECT}. An adopting team is compared on the mean {@code attrs.value}
 * of its {@code outcome} events in the {@link #WINDOW} before and the {@link #WINDOW} after its
 * first adoption, each value read in the direction its outcome declares ({@link OutcomeDirection}:
 * higher-is-better unless {@code attrs.direction} says lower-is-better), so that a fall in lead
 * time counts as the improvement it is. A team's lead is the
 * member who reported most of its outcomes (ties: the smallest id). Reads only the given tenant.
 */
final class PatternJudge {
  /** How far before and after an adoption outcomes are compared. */
  static final Duration WINDOW = Duration.ofDays(56);
  static final String KIND = "innovation.successful";

  /** The judgement and the notifications it asks for. */
  record Judged(SuccessfulPattern pattern, List<NotificationDraft> notifications) {}

  private final SpreadReader reader;
  private final EventStore events;
  private final MemberStore members;
  private final ConsentEngine consent;

  PatternJudge(SpreadReader reader, EventStore events, MemberStore members, ConsentEngine consent) {
    this.reader = requireNonNull(reader, "reader");
    this.events = requireNonNull(events, "events");
    this.members = requireNonNull(members, "members");
    this.consent = requireNonNull(consent, "consent");
  }

  Judged judge(TenantId tenant, EventId innovation, Instant now) {
    SpreadReader.Side side = reader.side(tenant, innovation);
    if (side.innovation().isEmpty()) {
      throw new InvalidInputException("innovation", "tenant " + tenant.value() + " has no innovation " + innovation.value());
    }
    Map<TeamId, Instant> adopted = new HashMap<>();
    for (SpreadEvent a : side.adoptions()) {
      a.team().ifPresent(t -> adopted.merge(t, a.at(), (x, y) -> x.isBefore(y) ? x : y));
    }
    Map<TeamId, double[]> sums = new HashMap<>();
    Map<TeamId, Map<MemberId, Integer>> reporters = new HashMap<>();
    events.scan(tenant, EventQuery.all().withKinds(Set.of(EventKind.OUTCOME)), e -> {
      if (e.team().isEmpty()) {
        return;
      }
      TeamId team = e.team().get();
      reporters.computeIfAbsent(team, k -> new TreeMap<>()).merge(e.actor(), 1, Integer::sum);
      Instant at = adopted.get(team);
      if (at == null || e.attrs().number("value").isEmpty()) {
        return;
      }
      double value = OutcomeDirection.of(e.attrs()).oriented(e.attrs().number("value").getAsDouble());
      double[] s = sums.computeIfAbsent(team, k -> new double[4]);
      if (e.at().isBefore(at) && !e.at().isBefore(at.minus(WINDOW))) {
        s[0] += value;
        s[1]++;
      } else if (e.at().isAfter(at) && !e.at().isAfter(at.plus(WINDOW))) {
        s[2] += value;
        s[3]++;
      }
    });
    int compared = 0;
    int improved = 0;
    double uplift = 0;
    for (double[] s : sums.values()) {
      if (s[1] > 0 && s[3] > 0) {
        compared++;
        double delta = s[2] / s[3] - s[0] / s[1];
        uplift += delta;
        improved += delta > 0 ? 1 : 0;
      }
    }
    double mean = compared == 0 ? 0 : uplift / compared;
    boolean successful = compared >= SuccessfulPattern.MIN_TEAMS && 2 * improved > compared;
    List<NotificationDraft> sent = successful
        ? push(tenant, innovation, side, adopted.keySet(), reporters, improved, compared)
        : List.of();
    return new Judged(new SuccessfulPattern(innovation, compared, improved, mean, successful, sent.size(), 0L), sent);
  }

  private List<NotificationDraft> push(TenantId tenant, EventId innovation, SpreadReader.Side side, Set<TeamId> adopters,
      Map<TeamId, Map<MemberId, Integer>> reporters, int improved, int compared) {
    Set<TeamId> teams = new TreeSet<>(reporters.keySet());
    for (Member m : members.list(tenant)) {
      teams.addAll(m.teams());
    }
    side.innovation().flatMap(SpreadEvent::team).ifPresent(teams::remove);
    teams.removeAll(adopters);
    Map<MemberId, List<TeamId>> led = new TreeMap<>();
    for (TeamId team : teams) {
      Map<MemberId, Integer> counts = reporters.getOrDefault(team, Map.of());
      MemberId lead = null;
      int best = 0;
      for (Map.Entry<MemberId, Integer> c : counts.entrySet()) {
        if (c.getValue() > best) {
          lead = c.getKey();
          best = c.getValue();
        }
      }
      if (lead != null) {
        led.computeIfAbsent(lead, k -> new ArrayList<>()).add(team);
      }
    }
    // Leads are told only when they consent to be told directly; the others are not named.
    List<NotificationDraft> sent = new ArrayList<>();
    for (Disclosed<MemberId> lead : consent.disclose(tenant, NotificationDraft.DIRECT, led.keySet()).disclosed()) {
      for (TeamId team : led.get(lead.value())) {
        sent.add(NotificationDraft.of(lead, KIND, "innovation:" + innovation.value() + ":successful:" + team.value(),
            Map.of("innovation", innovation.value(), "team", team.value(),
                "teamsImproved", Integer.toString(improved), "teamsCompared", Integer.toString(compared))));
      }
    }
    return sent;
  }
}
