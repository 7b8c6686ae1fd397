package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.GLOBEX;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.at;
import static io.convener.core.innovation.SpreadFixture.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.innovation.CandidateReport;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.innovation.LineageEntry;
import io.convener.api.innovation.SpreadReport;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Detected innovations through the whole stack: candidates, decoys, confirmation, lineage, settings. */
class InnovationDetectionTest {
  private static final Duration WINDOW = InnovationSpread.DEFAULT_DETECTION_WINDOW;
  private static final Instant AS_OF = at(100);
  private final SpreadFixture f = new SpreadFixture();
  private final List<Event> events = new ArrayList<>();

  @AfterEach
  void close() {
    f.close();
  }

  private InnovationSpread spread() {
    return f.convener.innovation();
  }

  private void use(String actor, String team, int day, String tag) {
    events.add(Event.builder(EventId.of("e" + events.size()), at(day), EventKind.MESSAGE, MemberId.of(actor))
        .team(TeamId.of(team)).tags(tag).build());
  }

  /**
   * Five teams of three. "Pairing-Rotation" starts in t-a on day 1, stays there three weeks, then
   * reaches t-b (day 25), t-c (day 30, after cy met bo), t-d (day 35). Decoys: "standup" everyone
   * on day 1, "local" only t-a, "rare" two people (one without a member record) in three teams.
   */
  private void organisation() {
    f.members(ACME, "ana", "t-a", "aa", "t-a", "ab", "t-a", "bo", "t-b", "ba", "t-b", "bb", "t-b",
        "cy", "t-c", "ca", "t-c", "cb", "t-c", "di", "t-d", "da", "t-d", "db", "t-d", "ed", "t-e", "ea", "t-e");
    for (int day = 1; day <= 21; day += 2) {
      use(day == 1 ? "ana" : "aa", "t-a", day, "Pairing-Rotation");
      use("ab", "t-a", day, "local");
    }
    use("bo", "t-b", 25, "pairing-rotation");
    use("ba", "t-b", 26, "pairing-rotation");
    events.add(meeting("m-cy-bo", "cy", "bo", 27));
    use("cy", "t-c", 30, "pairing-rotation");
    use("di", "t-d", 35, "pairing-rotation");
    for (String[] m : new String[][] {{"ana", "t-a"}, {"bo", "t-b"}, {"cy", "t-c"}, {"di", "t-d"}, {"ed", "t-e"}}) {
      use(m[0], m[1], 1, "standup");
      use(m[0], m[1], 40, "standup");
    }
    use("ed", "t-e", 10, "rare");
    use("guest", "t-b", 30, "rare");
    use("guest", "t-c", 40, "rare");
    events.add(Event.builder(EventId.of("learn-1"), at(50), EventKind.LEARNING, MemberId.of("ea"))
        .team(TeamId.of("t-e")).attrs(Attrs.of(Map.of("practice", "pairing-rotation"))).build());
    f.events(ACME, events.toArray(Event[]::new));
  }

  @Test
  void findsThePracticeThatStartedInOneTeamAndSpread() {
    organisation();
    CandidateReport r = spread().candidates(admin(ACME), WINDOW, AS_OF);

    assertThat(r.candidates()).containsExactly(new InnovationCandidate("pairing-rotation", TeamId.of("t-a"), at(1),
        5, 5, Optional.empty()));
    assertThat(r.settings()).isEqualTo(DetectionSettings.defaults());
    assertThat(f.entries(ACME, "innovation.candidates")).singleElement()
        .satisfies(e -> assertThat(e.generated()).containsExactly("innovation-candidate:pairing-rotation"));
    assertThat(spread().candidates(admin(GLOBEX), WINDOW, AS_OF).candidates()).as("another tenant").isEmpty();
    assertThat(spread().candidates(admin(ACME), WINDOW, at(20)).candidates()).as("before it spread").isEmpty();
  }

  @Test
  void aManagerConfirmsACandidateWhichThenHasItsLineage() {
    organisation();
    f.consent(ACME, "ana", "bo", "cy");
    Principal manager = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
    ConfirmedInnovation c = spread().confirm(manager, "  Pairing-Rotation ", WINDOW, AS_OF);

    assertThat(c.innovation()).isEqualTo(EventId.of("practice:pairing-rotation"));
    assertThat(c.originTeam()).isEqualTo(TeamId.of("t-a"));
    assertThat(c.confirmedBy()).isEqualTo("cm");
    assertThat(f.entries(ACME, "innovation.confirm")).singleElement()
        .satisfies(e -> assertThat(e.generated()).containsExactly("innovation:practice:pairing-rotation"));
    assertThat(spread().confirm(admin(ACME), "pairing-rotation", WINDOW, AS_OF).confirmedAt())
        .as("confirming again keeps the first confirmation").isEqualTo(c.confirmedAt());
    assertThat(spread().candidates(admin(ACME), WINDOW, AS_OF).candidates().get(0).confirmed())
        .contains(c.innovation());

    SpreadReport s = spread().spread(admin(ACME), c.innovation());
    assertThat(s.origin().label()).contains("ana");
    assertThat(s.adoptions()).isEqualTo(4);
    assertThat(s.lineage()).extracting(LineageEntry::team)
        .containsExactly(Optional.of("t-b"), Optional.of("t-c"), Optional.of("t-d"), Optional.of("t-e"));
    assertThat(s.lineage()).extracting(LineageEntry::rule).containsExactly("default:earliest-in-tenant",
        "exposure:window=PT720H", "default:earliest-in-tenant", "default:earliest-in-tenant");
    assertThat(s.lineage().get(1).from()).as("cy learned it from bo").isEqualTo(s.lineage().get(0).node());
  }

  @Test
  void decoysAreRefusedWithTheirReason() {
    organisation();
    Principal manager = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
    assertThatThrownBy(() -> spread().confirm(manager, "standup", WINDOW, AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tag")
        .hasMessageContaining("has no origin team: in the 14 days after its first appearance only 20%");
    assertThatThrownBy(() -> spread().confirm(manager, "local", WINDOW, AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("did not spread: used in 1 team(s) (needs 3)");
    assertThatThrownBy(() -> spread().confirm(manager, "rare", WINDOW, AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("was taken up by 1 member(s) outside team t-e");
    assertThatThrownBy(() -> spread().confirm(manager, "pairing-rotation", Duration.ofDays(60), AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the window");
    assertThatThrownBy(() -> spread().confirm(manager, "never-used", WINDOW, AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not appear in any event");
    assertThatThrownBy(() -> spread().confirm(manager, " ", WINDOW, AS_OF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tag");
    assertThat(f.injector.getInstance(io.convener.spi.storage.InnovationDetectionStore.class).confirmed(ACME))
        .isEmpty();
  }

  @Test
  void thresholdsAreTenantSettingsThatOnlyAnAdminChanges() {
    organisation();
    Principal lead = Principal.of(ACME, "tl", Role.TEAM_LEAD);
    DetectionSettings strict = new DetectionSettings(3, 6, Duration.ofDays(14), 0.75);
    assertThatThrownBy(() -> spread().saveDetectionSettings(lead, strict)).isInstanceOf(AccessDeniedException.class);
    spread().saveDetectionSettings(admin(ACME), strict);

    assertThat(spread().detectionSettings(lead)).isEqualTo(strict);
    assertThat(spread().candidates(lead, WINDOW, AS_OF).candidates()).isEmpty();
    assertThat(spread().detectionSettings(admin(GLOBEX))).isEqualTo(DetectionSettings.defaults());
  }

  @Test
  void membersMayNotListOrConfirmCandidates() {
    organisation();
    Principal member = Principal.of(ACME, "bo", Role.MEMBER);
    assertThatThrownBy(() -> spread().candidates(member, WINDOW, AS_OF)).isInstanceOf(AccessDeniedException.class);
    Principal lead = Principal.of(ACME, "tl", Role.TEAM_LEAD);
    assertThatThrownBy(() -> spread().confirm(lead, "pairing-rotation", WINDOW, AS_OF))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> spread().candidates(admin(ACME), Duration.ZERO, AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window must be positive");
  }
}
