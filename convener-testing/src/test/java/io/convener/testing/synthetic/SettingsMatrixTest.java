package io.convener.testing.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Event;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants that hold for any settings, not only the defaults, over a generated matrix of seeds,
 * sizes, rates, end instants and knobs (drawn from a fixed seed, so the matrix is the same on every
 * run).
 */
class SettingsMatrixTest {
  static Stream<Arguments> settings() {
    Random random = new Random(2026);
    return Stream.generate(() -> {
      SyntheticOrganisation.Builder b = SyntheticOrganisation.builder()
          .seed(random.nextLong())
          .members(10 + random.nextInt(90))
          .weeks(1 + random.nextInt(5))
          .eventsPerMemberPerWeek(0.5 + 30 * random.nextDouble())
          .end(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(400_000_000)))
          .activityDispersion(2 * random.nextDouble())
          .silentShare(0.2 * random.nextDouble())
          .crossTeamShare(0.1 * random.nextDouble())
          .decliningTeamShare(0.3 * random.nextDouble())
          .lowSafetyTeamShare(0.3 * random.nextDouble());
      if (random.nextBoolean()) {
        b.connectors(random.nextInt(4));
      }
      return Arguments.of(b.build());
    }).limit(25);
  }

  @ParameterizedTest
  @MethodSource("settings")
  void eventsAreOrderedUniqueAndReferToEarlierEventsAndMembers(SyntheticOrganisation settings) {
    GeneratedOrganisation org = settings.generate();
    Set<MemberId> ids = new HashSet<>();
    org.members().forEach(m -> ids.add(m.id()));
    assertThat(ids).hasSize(settings.members());
    Set<EventId> seen = new HashSet<>();
    Instant previous = Instant.MIN;
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
      Event e = it.next();
      assertThat(e.at()).isAfterOrEqualTo(previous).isAfterOrEqualTo(org.start()).isBefore(org.end());
      previous = e.at();
      assertThat(ids.contains(e.actor()) && ids.containsAll(e.targets())).as("members in %s", e).isTrue();
      assertThat(seen.containsAll(e.refs())).as("refs of %s are earlier", e.id()).isTrue();
      assertThat(seen.add(e.id())).as("unique %s", e.id()).isTrue();
    }
    assertThat(seen).isNotEmpty();
  }
}
