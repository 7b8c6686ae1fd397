package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.at;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ROI of an innovation reads each outcome value in its declared direction: adopting teams whose
 * lead time (lower-is-better) fell by 4 against the comparison teams gained +4, not −4.
 */
class RoiDirectionTest {
  private static final Duration W = Duration.ofDays(28);
  private final SpreadFixture f = new SpreadFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aFallOfALowerIsBetterValueIsAPositiveEffect() {
    load(OutcomeDirection.LOWER_IS_BETTER.wireName());
    InnovationRoi.Estimate e = roi();
    assertThat(e.effect()).isCloseTo(4.0, within(1e-9));
    assertThat(e.naiveChange()).as("every team's lead time also falls 0.1 a day").isGreaterThan(e.effect() + 2);
  }

  @Test
  void withoutADeclarationTheSameFallIsANegativeEffect() {
    load(null);
    assertThat(roi().effect()).isCloseTo(-4.0, within(1e-9));
  }

  private InnovationRoi.Estimate roi() {
    return f.convener.innovation().roi(admin(ACME), EventId.of("i1"), Optional.empty(), W, W).estimate().orElseThrow();
  }

  /** Teams a0..a3 adopt on day 40 and their lead time falls 4 more; c0..c3 never adopt; all fall 0.1 a day. */
  private void load(@Nullable String direction) {
    List<Event> events = new ArrayList<>();
    events.add(innovation("i1", "m-a0", "a0", 40));
    for (int t = 0; t < 4; t++) {
      if (t > 0) {
        events.add(adoption("ad" + t, "i1", "m-a" + t, "a" + t, 40, null, null));
      }
      for (int day = 14; day <= 66; day += 7) {
        double trend = 50 - 0.1 * day + t;
        events.add(outcome("oa" + t + "-" + day, "a" + t, day, trend - (day > 40 ? 4 : 0), direction));
        events.add(outcome("oc" + t + "-" + day, "c" + t, day, trend, direction));
      }
    }
    f.events(ACME, events.toArray(Event[]::new));
  }

  private static Event outcome(String id, String team, int day, double value, @Nullable String direction) {
    Map<String, Object> attrs = direction == null ? Map.of("value", value)
        : Map.of("value", value, OutcomeDirection.ATTR, direction);
    return Event.builder(EventId.of(id), at(day), EventKind.OUTCOME, MemberId.of("m-" + team)).team(TeamId.of(team))
        .attrs(Attrs.of(attrs)).build();
  }
}
