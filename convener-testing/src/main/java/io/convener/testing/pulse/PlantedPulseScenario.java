package io.convener.testing.pulse;

import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A planted pulse scenario: 40 members in five teams, 112 days (four 28-day windows) ending at
 * {@link #AS_OF}, with exactly these risks planted in the last window:
 *
 * <ul>
 *   <li>{@code steady} (8 members, {@code eng/platform}, cohort {@code guild}): every member posts
 *       one message a day, answered 30 minutes later by the next member; friendly sentiment, high
 *       psychological safety. No risk.
 *   <li>{@code declining} (10 members, {@code eng/data}): like {@code steady} in the baseline; in
 *       the window they act only every fifth day (a fifth of the activity), with negative
 *       sentiment and low psychological safety. Nobody in it is silent.
 *   <li>{@code quiet} (12 members, {@code eng/platform}, cohort {@code guild}): steady, except the
 *       two {@link #silentMembers()}, active every day in the baseline and silent in the window;
 *       the first of them granted {@code pulse.individual} (a consent event), the second did not.
 *       Engagement per member falls by about a fifth: below the default drop threshold.
 *   <li>{@code tiny} (4 members, {@code ops/tiny}): steady, and too small to show.
 *   <li>{@code support} (6 members, {@code ops/core}): steady; {@code ops} (10 members) minus
 *       {@code support} would reveal {@code tiny}, so complementary suppression must hide one of
 *       them.
 * </ul>
 *
 * Every team answers the {@code psych-safety-7} survey once in each window. Deterministic and
 * immutable; {@link #events()} returns events in time order.
 */
public final class PlantedPulseScenario {
  /** The end of the last window (exclusive). */
  public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  /** The window length. */
  public static final Duration WINDOW = Duration.ofDays(28);
  /** The first instant of the scenario: four windows before {@link #AS_OF}. */
  public static final Instant START = AS_OF.minus(WINDOW.multipliedBy(4));

  /** The team with no planted risk. */
  public static final TeamId STEADY = TeamId.of("steady");
  /** The team whose engagement drops. */
  public static final TeamId DECLINING = TeamId.of("declining");
  /** The team with two silent members. */
  public static final TeamId QUIET = TeamId.of("quiet");
  /** The team of four. */
  public static final TeamId TINY = TeamId.of("tiny");
  /** The cohort of {@code steady} and {@code quiet}. */
  public static final CohortId GUILD = CohortId.of("guild");

  /** The sibling of {@code tiny} under {@code ops}. */
  public static final TeamId SUPPORT = TeamId.of("support");

  private static final int[] SIZES = {8, 10, 12, 4, 6};
  private static final TeamId[] TEAMS = {STEADY, DECLINING, QUIET, TINY, SUPPORT};
  private static final String[] ORGS = {"eng/platform", "eng/data", "eng/platform", "ops/tiny", "ops/core"};
  /** Answers (before reverse-scoring) of a safe and an unsafe team: items 1, 3, 5 are negative. */
  private static final List<Long> SAFE = List.of(2L, 6L, 2L, 6L, 1L, 6L, 7L);
  private static final List<Long> UNSAFE = List.of(6L, 2L, 6L, 2L, 6L, 3L, 2L);

  private final List<Member> members = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final List<MemberId> silent = new ArrayList<>();

  private PlantedPulseScenario() {
    List<List<MemberId>> teams = new ArrayList<>();
    int n = 0;
    for (int t = 0; t < TEAMS.length; t++) {
      List<MemberId> ids = new ArrayList<>();
      for (int i = 0; i < SIZES[t]; i++) {
        MemberId id = MemberId.of(String.format("p%02d", ++n));
        ids.add(id);
        Member.Builder b = Member.builder(id).teams(TEAMS[t]).org(OrgUnit.of(ORGS[t]));
        if (TEAMS[t].equals(STEADY) || TEAMS[t].equals(QUIET)) {
          b.cohorts(GUILD);
        }
        members.add(b.build());
      }
      teams.add(ids);
    }
    silent.add(teams.get(2).get(3));
    silent.add(teams.get(2).get(7));
    events.add(Event.builder(EventId.of("consent-1"), START.plusSeconds(60), EventKind.CONSENT, silent.get(0))
        .attrs(Attrs.of(Map.of("purpose", "pulse.individual", "decision", "granted"))).build());
    Instant windowStart = AS_OF.minus(WINDOW);
    for (int day = 0; day < 112; day++) {
      Instant dayStart = START.plus(Duration.ofDays(day));
      boolean inWindow = !dayStart.isBefore(windowStart);
      for (int t = 0; t < TEAMS.length; t++) {
        List<MemberId> ids = teams.get(t);
        boolean declining = TEAMS[t].equals(DECLINING) && inWindow;
        if (declining && day % 5 != 0) {
          continue;
        }
        double sentiment = declining ? -0.5 : 0.4;
        for (int i = 0; i < ids.size(); i++) {
          MemberId author = ids.get(i);
          MemberId responder = ids.get((i + 1) % ids.size());
          if (inWindow && silent.contains(author)) {
            continue;
          }
          Instant at = dayStart.plus(Duration.ofHours(9)).plusSeconds(60L * (t * 20 + i));
          EventId message = EventId.of("m-" + day + "-" + author.value());
          events.add(Event.builder(message, at, EventKind.MESSAGE, author).team(TEAMS[t]).targets(responder)
              .sentiment(sentiment).build());
          if (!(inWindow && silent.contains(responder))) {
            events.add(Event.builder(EventId.of("r-" + day + "-" + author.value()), at.plus(Duration.ofMinutes(30)),
                EventKind.REPLY, responder).team(TEAMS[t]).targets(author).refs(message).sentiment(sentiment).build());
          }
        }
      }
      if (day % 28 == 14) {
        for (int t = 0; t < TEAMS.length; t++) {
          boolean unsafe = TEAMS[t].equals(DECLINING) && inWindow;
          for (MemberId id : teams.get(t)) {
            if (inWindow && silent.contains(id)) {
              continue;
            }
            events.add(Event.builder(EventId.of("s-" + day + "-" + id.value()), dayStart.plus(Duration.ofHours(15)),
                    EventKind.SURVEY, id)
                .attrs(Attrs.of(Map.of("instrument", "psych-safety-7", "answers", unsafe ? UNSAFE : SAFE))).build());
          }
        }
      }
    }
    events.sort((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at()) : a.id().value().compareTo(b.id().value()));
  }

  /** The standard planted scenario. */
  public static PlantedPulseScenario standard() {
    return new PlantedPulseScenario();
  }

  /** Every member, in id order. */
  public List<Member> members() {
    return List.copyOf(members);
  }

  /** Every event, in time order. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The team whose engagement drops in the last window. */
  public TeamId decliningTeam() {
    return DECLINING;
  }

  /** The teams with no planted risk. */
  public List<TeamId> steadyTeams() {
    return List.of(STEADY);
  }

  /** The members active in the baseline and silent in the window (all in {@code quiet}). */
  public List<MemberId> silentMembers() {
    return List.copyOf(silent);
  }

  /** The silent member who granted {@code pulse.individual}. */
  public MemberId consentingSilentMember() {
    return silent.get(0);
  }

  /** The team of four, which must be suppressed. */
  public TeamId smallTeam() {
    return TINY;
  }
}
