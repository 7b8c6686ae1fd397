package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every event kind appears with the shape CONTRACT.md section 1 gives it. */
class EventShapeTest {
  private static final List<Event> EVENTS = Fixtures.EVENTS;
  private static final Map<EventId, Event> BY_ID = Fixtures.BY_ID;
  private static final Map<MemberId, TeamId> HOME = Fixtures.HOME;

  private static List<Event> of(EventKind kind) {
    return EVENTS.stream().filter(e -> e.kind() == kind).toList();
  }

  private static Member member(MemberId id) {
    return Fixtures.ORG.members().get(Integer.parseInt(id.value().substring(1)) - 1);
  }

  @Test
  void everyKindIsPresent() {
    Set<EventKind> kinds = EVENTS.stream().map(Event::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventKind.class)));
    assertThat(kinds).containsExactlyInAnyOrder(EventKind.values());
    assertThat(EVENTS).hasSizeBetween(40_000, 120_000);
  }

  @Test
  void idsAreSequentialAndTimesOrderedWithinThePeriod() {
    for (int i = 0; i < EVENTS.size(); i++) {
      Event e = EVENTS.get(i);
      assertThat(e.id().value()).isEqualTo(String.format("e%08d", i + 1));
      assertThat(e.at()).isAfterOrEqualTo(Fixtures.ORG.start()).isBefore(Fixtures.ORG.end());
      assertThat(e.at().getNano()).isZero();
      if (i > 0) {
        assertThat(e.at()).isAfterOrEqualTo(EVENTS.get(i - 1).at());
      }
    }
  }

  @Test
  void actorsAndTargetsAreMembersAndRefsAreEarlierEvents() {
    Map<EventId, Integer> position = new HashMap<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      position.put(EVENTS.get(i).id(), i);
    }
    for (int i = 0; i < EVENTS.size(); i++) {
      Event e = EVENTS.get(i);
      assertThat(HOME).containsKey(e.actor());
      for (MemberId t : e.targets()) {
        assertThat(HOME).containsKey(t);
        assertThat(t).as("no self-target in %s", e.id()).isNotEqualTo(e.actor());
      }
      for (EventId r : e.refs()) {
        assertThat(position.get(r)).as("ref %s of %s", r, e.id()).isNotNull().isLessThan(i);
        assertThat(BY_ID.get(r).at()).isBeforeOrEqualTo(e.at());
      }
      e.team().ifPresent(t -> assertThat(Fixtures.ORG.team(t)).isPresent());
      e.sentiment().ifPresent(s -> assertThat(s).isBetween(-1.0, 1.0));
      assertThat(e.weight()).isPositive();
    }
  }

  @Test
  void repliesAnswerEarlierMessagesAfterMinutesToHours() {
    List<Event> replies = of(EventKind.REPLY);
    List<Long> minutes = new ArrayList<>();
    long bySomeoneElse = 0;
    for (Event r : replies) {
      Event msg = BY_ID.get(r.refs().get(0));
      assertThat(msg.kind()).isEqualTo(EventKind.MESSAGE);
      assertThat(r.targets()).hasSize(1);
      assertThat(r.team()).isEqualTo(msg.team());
      if (!r.actor().equals(msg.actor())) {
        bySomeoneElse++;
      }
      minutes.add(Duration.between(msg.at(), r.at()).toMinutes());
    }
    assertThat((double) bySomeoneElse / replies.size()).isGreaterThan(0.7);
    minutes.sort(null);
    assertThat(minutes.get(minutes.size() / 2)).isBetween(5L, 240L);
    assertThat(minutes.get(minutes.size() / 10)).isLessThan(15L);
    assertThat(minutes.get(minutes.size() * 95 / 100)).isGreaterThan(180L);
    Set<EventId> answered = replies.stream().map(r -> r.refs().get(0)).collect(Collectors.toSet());
    double unanswered = 1 - (double) answered.size() / of(EventKind.MESSAGE).size();
    assertThat(unanswered).isBetween(0.1, 0.6);
  }

  @Test
  void reactionsMentionsReviewsAndMeetingsHaveTheirShapes() {
    for (Event r : of(EventKind.REACTION)) {
      Event msg = BY_ID.get(r.refs().get(0));
      assertThat(msg.kind()).isEqualTo(EventKind.MESSAGE);
      assertThat(r.targets()).containsExactly(msg.actor());
      assertThat(r.attrs().string("emoji")).isPresent();
    }
    assertThat(of(EventKind.MENTION)).allSatisfy(e -> assertThat(e.targets()).hasSizeBetween(1, 2));
    for (Event e : of(EventKind.REVIEW)) {
      assertThat(e.targets()).hasSizeBetween(1, 2);
      assertThat(e.attrs().string("verdict")).hasValueSatisfying(v -> assertThat(v).isIn("approved", "changes-requested", "commented"));
    }
    List<Event> meetings = of(EventKind.MEETING);
    for (Event e : meetings) {
      assertThat(e.targets()).isNotEmpty();
      assertThat(e.weight()).isEqualTo(e.attrs().number("durationMinutes").orElseThrow() / 30.0);
    }
    assertThat(meetings).anyMatch(e -> e.targets().size() >= 3);
    assertThat(meetings).anyMatch(e -> e.weight() > 1);
    long weightOne = EVENTS.stream().filter(e -> e.kind().isCollaboration() && e.weight() == 1.0).count();
    long collaboration = EVENTS.stream().filter(e -> e.kind().isCollaboration()).count();
    assertThat((double) weightOne / collaboration).isGreaterThan(0.6);
  }

  @Test
  void endorsementsTagTheTargetsSkills() {
    for (Event e : of(EventKind.ENDORSEMENT)) {
      assertThat(e.targets()).hasSize(1);
      assertThat(e.tags()).isNotEmpty().isSubsetOf(member(e.targets().get(0)).skills());
    }
  }

  @Test
  void sentimentIsCommonAndFollowsTheTeam() {
    List<Event> talk = EVENTS.stream()
        .filter(e -> EnumSet.of(EventKind.MESSAGE, EventKind.REPLY, EventKind.MENTION, EventKind.REVIEW).contains(e.kind()))
        .toList();
    assertThat(talk.stream().filter(e -> e.sentiment().isPresent()).count()).isGreaterThan(talk.size() * 7L / 10);
    Map<TeamId, Double> mean = talk.stream().filter(e -> e.sentiment().isPresent() && e.team().isPresent())
        .collect(Collectors.groupingBy(e -> e.team().get(), Collectors.averagingDouble(e -> e.sentiment().getAsDouble())));
    for (SyntheticTeam team : Fixtures.ORG.teams()) {
      double observed = mean.get(team.id());
      assertThat(observed).as("sentiment of %s", team.id()).isCloseTo(team.profile().sentimentMean(), within(0.2));
      if (team.profile().sentimentMean() < 0) {
        assertThat(observed).as("negative team %s", team.id()).isNegative();
      }
    }
    assertThat(Fixtures.ORG.teams()).anyMatch(t -> t.profile().sentimentMean() < 0);
  }

  @Test
  void surveysUseThePsychSafetyInstrumentWithReverseWordedItems() {
    List<Event> surveys = of(EventKind.SURVEY);
    Map<TeamId, double[]> sums = new HashMap<>();
    for (Event s : surveys) {
      assertThat(s.attrs().string("instrument")).contains("psych-safety-7");
      List<Object> answers = s.attrs().list("answers").orElseThrow();
      assertThat(answers).hasSize(7).allSatisfy(a -> assertThat((Long) a).isBetween(1L, 7L));
      assertThat(s.team()).contains(HOME.get(s.actor()));
      double[] sum = sums.computeIfAbsent(s.team().get(), t -> new double[3]);
      for (int item = 1; item <= 7; item++) {
        long a = (Long) answers.get(item - 1);
        sum[item == 1 || item == 3 || item == 5 ? 0 : 1] += a;
      }
      sum[2]++;
    }
    assertThat(surveys.stream().map(s -> s.attrs().number("wave").orElseThrow()).distinct()).hasSize(3);
    for (SyntheticTeam team : Fixtures.ORG.teams()) {
      double[] sum = sums.get(team.id());
      double negative = sum[0] / (3 * sum[2]);
      double positive = sum[1] / (4 * sum[2]);
      if (team.profile().psychSafety() >= 0.55) {
        assertThat(negative).as("safe team %s answers low on items 1, 3, 5", team.id()).isLessThan(positive);
      } else if (team.profile().psychSafety() < 0.35) {
        assertThat(negative).as("unsafe team %s", team.id()).isGreaterThan(positive);
      }
    }
  }

  @Test
  void learningIsAppliedAcrossTeamsAndFeedsOutcomes() {
    assertThat(of(EventKind.LEARNING)).allSatisfy(e -> {
      assertThat(e.tags()).isNotEmpty();
      assertThat(e.team()).contains(HOME.get(e.actor()));
    });
    List<Event> applied = of(EventKind.APPLIED);
    long acrossTeams = 0;
    for (Event a : applied) {
      assertThat(a.refs()).hasSizeBetween(1, 2);
      for (EventId r : a.refs()) {
        Event learning = BY_ID.get(r);
        assertThat(learning.kind()).isEqualTo(EventKind.LEARNING);
        if (!learning.team().equals(a.team())) {
          acrossTeams++;
        }
      }
    }
    assertThat(acrossTeams).isGreaterThan(applied.size() / 10);
    List<Event> outcomes = of(EventKind.OUTCOME);
    for (Event o : outcomes) {
      assertThat(o.team()).isPresent();
      assertThat(o.attrs().number("value")).isPresent();
      assertThat(o.attrs().string("metric")).isPresent();
      for (EventId r : o.refs()) {
        assertThat(BY_ID.get(r).kind()).isIn(EventKind.APPLIED, EventKind.LEARNING);
        assertThat(BY_ID.get(r).team()).isEqualTo(o.team());
      }
    }
    assertThat(outcomes).anyMatch(o -> o.refs().isEmpty());
    assertThat(outcomes.stream().filter(o -> !o.refs().isEmpty()).count()).isGreaterThan(outcomes.size() / 2);
  }

  @Test
  void innovationsAreAdoptedByTeamsAndSpread() {
    List<Event> adoptions = of(EventKind.ADOPTION);
    Map<EventId, Set<TeamId>> teamsPerInnovation = new HashMap<>();
    for (Event a : adoptions) {
      Event innovation = BY_ID.get(a.refs().get(0));
      assertThat(innovation.kind()).isEqualTo(EventKind.INNOVATION);
      assertThat(a.team()).contains(HOME.get(a.actor()));
      assertThat(teamsPerInnovation.computeIfAbsent(innovation.id(), k -> new HashSet<>()).add(a.team().get()))
          .as("a team adopts an innovation once").isTrue();
      a.attrs().string("fromTeam").ifPresent(from -> assertThat(from).isNotEqualTo(a.team().get().value()));
    }
    assertThat(adoptions).anyMatch(a -> a.attrs().string("fromTeam").isPresent());
    assertThat(adoptions).anyMatch(a -> a.attrs().string("fromTeam").isEmpty());
    assertThat(teamsPerInnovation.values()).anyMatch(teams -> teams.size() >= 4);
  }

  @Test
  void consentIsMostlyGrantedSometimesNeverAndOccasionallyRevoked() {
    Set<String> purposes = Set.of("champion.recommendation", "pulse.individual", "learning.attribution",
        "innovation.attribution", "profile.share");
    Map<MemberId, Set<String>> granted = new HashMap<>();
    long revoked = 0;
    for (Event c : of(EventKind.CONSENT)) {
      String purpose = c.attrs().string("purpose").orElseThrow();
      String decision = c.attrs().string("decision").orElseThrow();
      assertThat(purpose).isIn(purposes);
      assertThat(decision).isIn("granted", "revoked");
      if (decision.equals("granted")) {
        granted.computeIfAbsent(c.actor(), k -> new HashSet<>()).add(purpose);
      } else {
        assertThat(granted.get(c.actor())).as("revoked after granting").contains(purpose);
        revoked++;
      }
    }
    long everyPurpose = granted.values().stream().filter(p -> p.size() == purposes.size()).count();
    assertThat(everyPurpose).isGreaterThan(300 * 7 / 10);
    assertThat(granted).hasSizeLessThan(300 - 10);
    assertThat(revoked).isBetween(3L, 40L);
  }
}
